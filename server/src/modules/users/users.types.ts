import { Field, InputType, ObjectType } from 'type-graphql';

import { Role } from '../../core/access/roles.js';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { ApiKey } from './api-key.entity.js';
import { User } from './user.entity.js';

@InputType({
  description:
    'Each sign-in counts before its password is checked: past 5 for an account, or 30 from one address, within 15 minutes, sign-in is RATE_LIMITED. The right password forgives the account its failures and does not count for the address.',
})
export class LoginInput {
  @Field({ description: 'The email address of the account, in any case.' })
  email: string;

  @Field({ description: 'Its password.' })
  password: string;
}

@ObjectType({ description: 'A signed-in session: the token travels in an HttpOnly cookie, never in the body.' })
export class LoginResult {
  @Field(() => User, { description: 'The user now signed in.' })
  user: User;

  @Field(() => Date, { description: 'When the session ends unless renewed by use.' })
  expiresAt: Date;
}

@InputType({ description: 'A key for one client app.' })
export class CreateApiKeyInput {
  @Field({ description: 'Which client app it is for.' })
  name: string;

  @Field(() => Date, { nullable: true, description: 'When it stops working, in the future; never when left out.' })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'A new API key: `key` is shown this once and is not stored; keep it in the client app.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: "The key's record, as `apiKeys` lists it." })
  apiKey: ApiKey;

  @Field({ description: 'Send it as `Authorization: Bearer <key>`.' })
  key: string;
}

@InputType({ description: 'A new account, enabled at once.' })
export class CreateUserInput {
  @Field({ description: 'The address they sign in with; unique, whatever the case, and stored in lower case.' })
  email: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => [Role], { description: 'What the user may do: at least one role.' })
  roles: Role[];

  @Field({
    description:
      "At least 12 characters and hard to guess: not a common password or pattern, not made of the user's name or email. Only its argon2id hash is kept.",
  })
  password: string;
}

@InputType({ description: 'Left-out fields stay as they are.' })
export class UpdateUserInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Display name.' })
  name?: string;

  @Field(() => [Role], { nullable: true, description: 'Every role: replaces the list. Nobody removes their own ADMIN role.' })
  roles?: Role[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'A disabled user cannot sign in, and their sessions stop at once. Nobody disables themself.',
  })
  disabled?: boolean;
}

@InputType({ description: 'Your current password, to prove it is you, and the new one.' })
export class ChangePasswordInput {
  @Field({ description: 'The password you sign in with now.' })
  currentPassword: string;

  @Field({ description: 'At least 12 characters and hard to guess: not a common password or pattern, not made of your name or email.' })
  newPassword: string;
}

export const UserConnection = connectionType(User, 'User');
export const ApiKeyConnection = connectionType(ApiKey, 'ApiKey');
