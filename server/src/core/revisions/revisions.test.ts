import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { canonicalJson, sameJson } from './canonical-json.js';
import { type HashedRevision, revisionDocument, revisionHash, verifyRecordChain } from './chain.js';
import { diffStates, replayChanges } from './diff.js';

/** How canonicalJson was first written, and every stored hash was computed: a copy with keys sorted, through JSON.stringify. */
const byCopy = (value: unknown): string => JSON.stringify(sortKeys(value));
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('writes, for any value a state can hold and more, the very text a sorted copy through JSON.stringify gives', () => {
    const edges: unknown[] = [
      { __proto__: 1, a: [undefined, null, Number.NaN, -0, 1e21, 5e-7, Infinity] },
      JSON.parse('{"__proto__": {"x": 1}, "b": "\\u0000\\ud800 \\u2028 é \\"q\\""}'),
      { d: new Date(Date.UTC(2026, 11, 6, 16, 30, 0, 123)), nested: [{ when: new Date(0) }], gone: undefined },
      [[], {}, [[]], [{}], ''],
      { ä: 1, Z: 2, a: 3, '10': 4, '9': 5, '': 6 },
    ];
    for (const value of edges) expect(canonicalJson(value)).toBe(byCopy(value));
    const leaf = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }),
    );
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('any'), { maxLength: 5 }),
      object: fc.dictionary(fc.oneof(fc.string({ unit: 'binary' }), fc.nat().map(String)), tie('any'), { maxKeys: 6 }),
    })).any;
    fc.assert(
      fc.property(value, (v) => canonicalJson(v) === byCopy(v)),
      { numRuns: 2000 },
    );
  });

  it('has sameJson agree with comparing canonical JSON texts', () => {
    const values: unknown[] = [
      null,
      0,
      1,
      '1',
      true,
      [],
      {},
      [1, 2],
      [2, 1],
      [null],
      [undefined],
      { a: 1 },
      { a: 1, b: undefined },
      { a: '1' },
      { a: [1, { b: null }] },
      { a: [1, { b: 2 }] },
      { b: 2, a: 1 },
      { a: 1, b: 2 },
      { a: { c: 1 } },
      new Date('2026-01-01T00:00:00Z'),
      '2026-01-01T00:00:00.000Z',
      { a: null },
    ];
    for (const a of values)
      for (const b of values)
        expect(sameJson(a, b), `${canonicalJson(a)} vs ${canonicalJson(b)}`).toBe(canonicalJson(a) === canonicalJson(b));
  });

  it('builds a revision document equal to the canonical JSON of its fields, with or without its parts given', () => {
    const revision: HashedRevision = {
      recordType: 'CLAIM',
      recordId: 'f1',
      version: 2,
      operation: 'REVIEW',
      changes: { status: { before: 'DRAFT', after: 'IN_REVIEW' } },
      state: { text: 'a', status: 'IN_REVIEW', eventIds: [] },
      reason: null,
      actor: 'import:x',
      actorUserId: null,
      requestId: null,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      prevHash: 'ab',
    };
    const expected = canonicalJson({ ...revision, createdAt: revision.createdAt.toISOString() });
    expect(revisionDocument(revision)).toBe(expected);
    expect(revisionDocument(revision, { changes: canonicalJson(revision.changes), state: canonicalJson(revision.state) })).toBe(expected);
  });
});

describe('diffStates', () => {
  it('lists each changed field with before and after', () => {
    expect(diffStates({ title: 'a', tags: ['x'], same: 1 }, { title: 'b', tags: ['x', 'y'], same: 1 })).toEqual({
      tags: { before: ['x'], after: ['x', 'y'] },
      title: { before: 'a', after: 'b' },
    });
  });

  it('lists every field of a created record, so that replay rebuilds the whole state', () => {
    const created = diffStates(null, { title: 'a', url: null, aliases: [] });
    expect(created).toEqual({
      title: { before: null, after: 'a' },
      url: { before: null, after: null },
      aliases: { before: null, after: [] },
    });
    const updated = diffStates({ title: 'a', url: null, aliases: [] }, { title: 'a', url: 'https://x.org', aliases: ['b'] });
    expect(replayChanges([created, updated])).toEqual({ title: 'a', url: 'https://x.org', aliases: ['b'] });
  });
});

describe('the revision chain', () => {
  const revision = (version: number, prevHash: string | null, state: Record<string, unknown>): HashedRevision & { hash: string } => {
    const base: HashedRevision = {
      recordType: 'Claim',
      recordId: '6b1f1a52-0000-4000-8000-000000000001',
      version,
      operation: version === 1 ? 'CREATE' : 'UPDATE',
      changes: {},
      state,
      reason: null,
      actor: 'user:1',
      actorUserId: null,
      requestId: 'r',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      prevHash,
    };
    return { ...base, hash: revisionHash(base) };
  };

  it('verifies a well-linked history', () => {
    const first = revision(1, null, { text: 'a' });
    const second = revision(2, first.hash, { text: 'b' });
    expect(verifyRecordChain([first, second])).toBeNull();
  });

  it('names the first broken link: altered content, a wrong link, or a missing version', () => {
    const first = revision(1, null, { text: 'a' });
    const second = revision(2, first.hash, { text: 'b' });
    const third = revision(3, second.hash, { text: 'c' });
    expect(verifyRecordChain([first, { ...second, state: { text: 'forged' } }, third])).toEqual({
      version: 2,
      problem: 'hash does not match its content',
    });
    expect(verifyRecordChain([first, revision(2, 'f'.repeat(64), { text: 'b' })])).toEqual({
      version: 2,
      problem: 'prev_hash does not match the previous revision',
    });
    expect(verifyRecordChain([first, third])).toEqual({ version: 3, problem: 'expected version 2' });
  });
});
