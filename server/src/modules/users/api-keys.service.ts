import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { BadInputError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { type Connection, type PageRequest, paginate } from '../../core/paging/connection.js';
import { type ChangeTarget, RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { preparedQuery } from '../../core/sql/prepared.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { ApiKey, ApiKeyRecord } from './api-key.entity.js';

export const API_KEY_PREFIX = 'psk_';
/** How finely a key's last use is kept. */
export const LAST_USED_STEP_MS = 60_000;
const KEY_SHAPE = /^psk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** A key's secret is 256 random bits, so a fast hash is enough to keep it: nothing can be guessed from it. */
const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

export class ApiKeysService {
  constructor(private readonly dataSource: DataSource) {}

  list(page: PageRequest): Promise<Connection<ApiKey>> {
    return paginate(this.dataSource.manager.createQueryBuilder(ApiKey, 'key').where('key.deletedAt IS NULL'), page);
  }

  /** Makes a key for a client app; the whole key is in the answer, once, and nowhere else ever after. */
  async create(context: WriteContext, input: { name: string; expiresAt?: Date | null }): Promise<{ apiKey: ApiKey; key: string }> {
    const check = new InputCheck();
    const name = check.text('name', input.name, { max: 200 });
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) check.fail('expiresAt', 'must be in the future');
    check.done();
    const prefix = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const id = newId();
    const now = new Date();
    const state = {
      name,
      prefix,
      createdById: context.actorUserId,
      expiresAt: input.expiresAt?.toISOString() ?? null,
      revokedAt: null,
      deletedAt: null,
      deleteReason: null,
    };
    await new RecordWriter(this.dataSource).create(context, ApiKeyRecord, id, `API key "${name}" created`, (tx) =>
      ApiKeyRecord.insertState(tx, id, state, now, { keyHash: hashSecret(secret).toString('hex') }),
    );
    return { apiKey: await this.dataSource.manager.findOneByOrFail(ApiKey, { id }), key: `${API_KEY_PREFIX}${prefix}_${secret}` };
  }

  async revoke(context: WriteContext, target: ChangeTarget): Promise<ApiKey> {
    const id = requireId(target.id);
    const check = new InputCheck();
    check.text('reason', target.reason ?? '', { max: 5000 });
    check.done();
    await new RecordWriter(this.dataSource).replace(
      context,
      ApiKeyRecord,
      { ...target, id, operation: RevisionOperation.UPDATE },
      (before) => {
        if (before.revokedAt) throw new BadInputError([{ field: 'id', message: 'is already revoked' }]);
        return { ...before, revokedAt: new Date().toISOString() };
      },
    );
    return this.dataSource.manager.findOneByOrFail(ApiKey, { id });
  }

  /**
   * The live key a bearer token is, or null: unknown, revoked, expired or malformed all look the same. A key used
   * has its `lastUsedAt` moved on when it is a minute old, so a busy app costs one write a minute, not one a request.
   */
  async authenticate(token: string): Promise<ApiKey | null> {
    const match = KEY_SHAPE.exec(token);
    if (!match) return null;
    const key = await this.dataSource.manager.findOneBy(ApiKey, { prefix: match[1]! });
    if (!key || key.revokedAt || key.deletedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return null;
    const stored = Buffer.from(key.keyHash, 'hex');
    const given = hashSecret(match[2]!);
    if (stored.length !== given.length || !timingSafeEqual(stored, given)) return null;
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() >= LAST_USED_STEP_MS) {
      // Not a revision: when a key was used is not its state, any more than its hash is.
      const [used] = await preparedQuery<{ lastUsedAt: Date }>(
        this.dataSource.manager,
        `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => $2))
         RETURNING last_used_at AS "lastUsedAt"`,
        [key.id, LAST_USED_STEP_MS / 1000],
      );
      if (used) key.lastUsedAt = used.lastUsedAt;
    }
    return key;
  }
}
