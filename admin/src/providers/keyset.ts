/**
 * react-admin pages by number; the API pages by cursor. This remembers, per list (resource, filter, order, page
 * size), the cursor that ends each page seen, so the next or previous page is one request, and a jump ahead walks
 * the cursors it lacks.
 */
export class CursorBook {
  private readonly ends = new Map<string, Array<string | null>>();

  /** The cursor to pass as `after` for `page` (1-based), if known: null for the first page. */
  known(list: string, page: number): { page: number; after: string | null } {
    const ends = this.ends.get(list) ?? [];
    for (let before = page - 1; before >= 1; before -= 1) {
      const cursor = ends[before];
      if (cursor) return { page: before + 1, after: cursor };
    }
    return { page: 1, after: null };
  }

  remember(list: string, page: number, endCursor: string | null): void {
    const ends = this.ends.get(list) ?? [];
    ends[page] = endCursor;
    this.ends.set(list, ends);
  }

  /** A write may add or remove rows anywhere: every list of the resource starts again from its first page. */
  forget(resource: string): void {
    for (const list of this.ends.keys()) if (list.startsWith(`[${JSON.stringify(resource)},`)) this.ends.delete(list);
  }
}

export const listKey = (resource: string, parts: unknown[]) => JSON.stringify([resource, ...parts]);
