import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';

import { Role } from '../../core/access/roles.js';
import { Node, VersionedRecord } from '../../core/record.js';
import { composite, declareKind, type KindState } from '../../core/records/declaration.js';
import { sha256Hex } from '../../core/revisions/canonical-json.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { allOf } from '../../db/checks.js';

@ObjectType({ implements: Node, description: 'A person who signs in to the console: editor, reviewer or admin.' })
@Entity('users')
@Index('UQ_users_email', { synchronize: false })
@Check('CHK_users_roles', allOf('roles', Role))
@Check('CHK_users_email', `"email" LIKE '%_@_%'`)
export class User extends VersionedRecord {
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Field({ description: 'Display name, shown as the actor in history and review.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => [Role], { description: 'What the user may do.' })
  @Column({ type: 'text', array: true, default: '{}' })
  roles: Role[];

  /** argon2id, in its PHC string form. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  /**
   * Every session token carries the generation it was issued in; a bump ends them all (sign-out, a new password,
   * an admin's change of roles or disabling). Not part of the record's state in the revision log, like the hash:
   * the revision's reason says the sessions ended.
   */
  @Column({ type: 'integer', default: 0 })
  sessionGeneration: number;

  @Field({ description: 'A disabled user cannot sign in, and their sessions stop at once.' })
  @Column({ type: 'boolean', default: false })
  disabled: boolean;
}

/** Accounts are not reverted; the users service checks and writes them, and alone writes a password's hash. */
export const UserRecord = declareKind(RecordType.USER, User, {
  fields: {
    email: { empty: '' },
    name: { empty: '' },
    disabled: { empty: false },
  },
  composites: {
    roles: composite(User, {
      columns: ['roles'],
      empty: [],
      toState: (row): Role[] => [...row.roles].sort(),
      toRow: (roles) => ({ roles }),
    }),
    /**
     * Shows in the log that the password changed without putting its hash, which an attacker could try to
     * crack, into a table that can never be cleaned.
     */
    passwordDigest: composite(User, {
      columns: ['passwordHash'],
      empty: null,
      toState: (row): string | null => (row.passwordHash ? sha256Hex(row.passwordHash).slice(0, 16) : null),
    }),
  },
  createOnly: ['passwordHash'],
});

export type UserState = KindState<typeof UserRecord>;
