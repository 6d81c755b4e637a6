import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed sign-in, kept a day, so any server can rate-limit guessing per account and per address. */
@Entity('login_failures')
@Index('IDX_login_failures_email', ['email', 'at'])
@Index('IDX_login_failures_address', ['address', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** Lower-cased, whether or not an account has it: unknown accounts are limited the same way. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 64 })
  address: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
