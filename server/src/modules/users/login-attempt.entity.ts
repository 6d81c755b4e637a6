import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

import { oneOf } from '../../db/checks.js';

/** `receipt`: anonymous receipt requests from one address (receipt-limiter.ts), kept here to share the counter's upsert and its sweep. */
export const LOGIN_SCOPES = ['account', 'address', 'receipt'] as const;
export type LoginScope = (typeof LOGIN_SCOPES)[number];

/**
 * Sign-in attempts in the current window of one account or one address: a counter a single upsert moves, so
 * concurrent attempts are counted one after another (the row lock orders them) and any server sees the same count.
 */
@Entity('login_attempts')
@Index('IDX_login_attempts_window_start', ['windowStart'])
@Check('CHK_login_attempts_scope', oneOf('scope', LOGIN_SCOPES))
export class LoginAttempt {
  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'PK_login_attempts' })
  scope: LoginScope;

  /** A lower-cased email, whether or not an account has it (unknown ones are limited the same way), or an address. */
  @PrimaryColumn({ type: 'varchar', length: 320, primaryKeyConstraintName: 'PK_login_attempts' })
  key: string;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'integer' })
  attempts: number;
}
