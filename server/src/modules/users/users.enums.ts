import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  REVIEWER = 'REVIEWER',
  CLIENT = 'CLIENT',
}

registerEnumType(Role, { name: 'Role', description: 'No role at all is an anonymous caller.' });
