import type { DeletableState, RecordMeta } from './record-writer.js';

/** The columns every versioned record shares, from a state and its revision's meta. */
export function recordColumns(meta: RecordMeta, state: DeletableState) {
  return {
    id: meta.id,
    version: meta.version,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    ...deletionColumns(state),
  };
}

export function deletionColumns(state: DeletableState) {
  return { deletedAt: state.deletedAt ? new Date(state.deletedAt) : null, deleteReason: state.deleteReason };
}

export function deletionState(row: { deletedAt: Date | null; deleteReason: string | null }): DeletableState {
  return { deletedAt: row.deletedAt?.toISOString() ?? null, deleteReason: row.deleteReason };
}
