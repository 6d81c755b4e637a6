import { canonicalJson } from './canonical-json.js';
import type { FieldChange } from './revision.entity.js';

export type RecordState = Record<string, unknown>;

/**
 * Per-field before/after for every top-level field whose value differs. A created record lists every field,
 * empty ones included, so that replaying the changes alone rebuilds the whole state.
 */
export function diffStates(before: RecordState | null, after: RecordState): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    const was = before ? (before[key] ?? null) : null;
    const now = after[key] ?? null;
    if (before === null || (was !== now && canonicalJson(was) !== canonicalJson(now))) changes[key] = { before: was, after: now };
  }
  return changes;
}

/** Replays a record's changes in order: each revision's `after` values over the state so far. */
export function replayChanges(changeLog: Array<Record<string, FieldChange>>): RecordState {
  const state: RecordState = {};
  for (const changes of changeLog) {
    for (const [field, change] of Object.entries(changes)) state[field] = change.after;
  }
  return state;
}
