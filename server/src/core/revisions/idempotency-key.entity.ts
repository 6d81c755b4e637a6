import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A client's retry key. The row is written in the same transaction as the first write it covers, so a write
 * and its key commit together or not at all; the answer sent is stored after, to be given again on a retry.
 */
@Entity('idempotency_keys')
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  actor: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  /** sha256 of the operation and its variables: the same key with another request is refused. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  /** The transaction that claimed it, so the several writes of one operation can all use the key. */
  @Column({ type: 'bigint' })
  txid: string;

  @Column({ type: 'jsonb', nullable: true })
  response: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
