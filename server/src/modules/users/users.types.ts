import { Field, InputType, ObjectType } from 'type-graphql';
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
