/**
 * An update input's fields over the current ones: a field left out stays, an explicit null clears.
 * Only the keys of `current` are taken, so bookkeeping fields of the input (id, expectedVersion) never leak in.
 */
export function applyPatch<T extends object>(current: T, patch: object): T {
  const next = { ...current };
  for (const key of Object.keys(current) as Array<keyof T>) {
    const value = (patch as Record<keyof T, unknown>)[key];
    if (value !== undefined) next[key] = value as T[keyof T];
  }
  return next;
}
