import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne } from 'typeorm';

import { Node, VersionedRecord } from '../../core/record.js';
import { composite, declareKind, type KindState } from '../../core/records/declaration.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { User } from './user.entity.js';

/** A client app's key. The secret is shown once; only its hash is kept, found by its public prefix. */
@ObjectType({ implements: Node, description: "A client app's API key; the secret itself is never stored." })
@Entity('api_keys')
@Check('CHK_api_keys_hash', `length("key_hash") > 0`)
export class ApiKey extends VersionedRecord {
  @Field({ description: 'Which client app it is for.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'The first characters of the key, to tell keys apart.' })
  @Column({ type: 'varchar', length: 32, unique: true })
  prefix: string;

  @Column({ type: 'text' })
  keyHash: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @Field(() => Date, { nullable: true, description: 'When a request last came with the key, to the minute; null if none has.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it stops working; null if it never expires.' })
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an admin revoked it; null while it is live.' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

/** A time as the log keeps it: ISO text. */
const isoTime = <K extends 'expiresAt' | 'revokedAt'>(column: K) =>
  composite(ApiKey, {
    columns: [column],
    empty: null,
    toState: (row): string | null => row[column]?.toISOString() ?? null,
    toRow: (value) => ({ [column]: value ? new Date(value) : null }) as Pick<ApiKey, K>,
  });

/** The key's hash is not state: the log shows a key was made and revoked, never anything that unlocks it. */
export const ApiKeyRecord = declareKind(RecordType.API_KEY, ApiKey, {
  fields: {
    name: { empty: '' },
    prefix: { empty: '' },
    createdById: { empty: null },
  },
  composites: { expiresAt: isoTime('expiresAt'), revokedAt: isoTime('revokedAt') },
  createOnly: ['keyHash'],
});

export type ApiKeyState = KindState<typeof ApiKeyRecord>;
