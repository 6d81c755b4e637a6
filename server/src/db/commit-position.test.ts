import { describe, expect, it } from 'vitest';

import { commitPosition, type Position } from './commit-position.js';

const at = (snapshot: string): Position => ({ snapshot, offset: '0', lsn: '0/16B3748', since: null, recordsChanged: true });

/** A reader whose reads are answered by hand, in order, so a test decides what each one saw. */
function manualReader() {
  const pending: Array<(position: Position) => void> = [];
  return {
    read: () => new Promise<Position>((resolve) => pending.push(resolve)),
    pending,
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('the commit position', () => {
  it('gives a caller who comes while a read is under way the next read, never the one that began before it', async () => {
    const reader = manualReader();
    const position = commitPosition(reader.read);
    const first = position.now();
    const early = position.now();
    const alsoEarly = position.now();
    expect(reader.pending).toHaveLength(1);
    reader.pending[0]!(at('1:1:'));
    await settled();
    expect(reader.pending).toHaveLength(2);
    reader.pending[1]!(at('2:2:'));
    expect(await first).toEqual(at('1:1:'));
    expect(await early).toEqual(at('2:2:'));
    expect(await alsoEarly).toEqual(at('2:2:'));
  });

  it('reads afresh for a caller who comes after the last read ended, and goes on after a read fails', async () => {
    let reads = 0;
    let fail = true;
    const position = commitPosition(async () => {
      reads++;
      if (fail) throw new Error('the database went away');
      return at(`${reads}:${reads}:`);
    });
    await expect(position.now()).rejects.toThrow('the database went away');
    fail = false;
    expect(await position.now()).toEqual(at('2:2:'));
    expect(await position.now()).toEqual(at('3:3:'));
  });

  it('compares each read with the look its caller holds when the read begins', async () => {
    const seen: Array<string | null> = [];
    let held: string | null = null;
    const position = commitPosition(
      async (since) => {
        seen.push(since?.snapshot ?? null);
        return at(`${seen.length}:${seen.length}:`);
      },
      () => (held === null ? null : { snapshot: held, offset: '0' }),
    );
    held = (await position.now()).snapshot;
    await position.now();
    expect(seen).toEqual([null, '1:1:']);
  });
});
