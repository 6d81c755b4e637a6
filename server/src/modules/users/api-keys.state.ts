import type { EntityManager } from 'typeorm';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import type { DeletableState, RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { ApiKey } from './api-key.entity.js';

/** The key's hash is not state: the log shows a key was made and revoked, never anything that unlocks it. */
export interface ApiKeyState extends DeletableState {
  name: string;
  prefix: string;
  createdById: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export const ApiKeyRecord: RecordKind<ApiKeyState, ApiKey> = {
  recordType: RecordType.API_KEY,
  table: 'api_keys',
  entity: ApiKey,
  revertable: [],
  async loadState(manager: EntityManager, id: string) {
    const key = await manager.findOneBy(ApiKey, { id });
    return key && ApiKeyRecord.stateOfRow!(key);
  },
  stateOfRow(key) {
    return {
      name: key.name,
      prefix: key.prefix,
      createdById: key.createdById,
      expiresAt: key.expiresAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      ...deletionState(key),
    };
  },
  async saveState(manager, id, state) {
    await manager.update(ApiKey, { id }, {
      name: state.name,
      expiresAt: state.expiresAt ? new Date(state.expiresAt) : null,
      revokedAt: state.revokedAt ? new Date(state.revokedAt) : null,
      ...deletionColumns(state),
    });
  },
  hydrate(meta, state) {
    return Object.assign(new ApiKey(), {
      name: state.name,
      prefix: state.prefix,
      createdById: state.createdById,
      expiresAt: state.expiresAt ? new Date(state.expiresAt) : null,
      revokedAt: state.revokedAt ? new Date(state.revokedAt) : null,
    }, recordColumns(meta, state));
  },
};
