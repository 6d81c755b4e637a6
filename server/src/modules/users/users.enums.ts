import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  REVIEWER = 'REVIEWER',
  CLIENT = 'CLIENT',
}

registerEnumType(Role, { name: 'Role', description: 'No role at all is an anonymous caller.' });

/** Who may create and change records. */
export const EDITORS = [Role.EDITOR, Role.ADMIN] as const;
/** Who may judge records in review. */
export const REVIEWERS = [Role.REVIEWER, Role.ADMIN] as const;
/** Who may see unreviewed records and the revision log. */
export const STAFF = [Role.EDITOR, Role.REVIEWER, Role.ADMIN] as const;
