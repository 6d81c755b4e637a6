import { Field, InputType, ObjectType } from 'type-graphql';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { Role } from './users.enums.js';
import { ApiKey } from './api-key.entity.js';
import { User } from './user.entity.js';

@InputType()
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

@ObjectType({ description: 'A signed-in session: the token travels in an HttpOnly cookie, never in the body.' })
export class LoginResult {
  @Field(() => User)
  user: User;

  @Field(() => Date, { description: 'When the session ends unless renewed by use.' })
  expiresAt: Date;
}

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'Which client app it is for.' })
  name: string;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}

@ObjectType({ description: 'A new API key: `key` is shown this once and is not stored; keep it in the client app.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({ description: 'Send it as `Authorization: Bearer <key>`.' })
  key: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => [Role])
  roles: Role[];

  @Field({ description: `At least 12 characters; the user should change it.` })
  password: string;
}

@InputType({ description: 'Left-out fields stay as they are.' })
export class UpdateUserInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => [Role], { nullable: true })
  roles?: Role[];

  @Field(() => Boolean, { nullable: true, description: 'A disabled user cannot sign in, and their sessions stop at once.' })
  disabled?: boolean;
}
