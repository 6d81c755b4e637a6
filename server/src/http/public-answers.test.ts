import { describe, expect, it, vi } from 'vitest';

import { etagOf, matchesTag, PublicAnswers, publicQuestion, reportPublicAnswers } from './public-answers.js';

/** A database whose snapshot and record changes a test sets by hand: `recordsChanged` holds for every later look. */
function answersAt(maxBytes: number) {
  const state = { position: '1:1:', recordsChanged: false };
  const answers = new PublicAnswers(
    async (since) => ({
      snapshot: state.position,
      offset: '0',
      lsn: '0/16B3748',
      since,
      recordsChanged: since === null || (since.snapshot !== state.position && state.recordsChanged),
    }),
    maxBytes,
  );
  return { answers, state };
}

const question = (query: string) => publicQuestion('anonymous', 'POST', 'application/json', JSON.stringify({ query }));
const body = (text: string) => Buffer.from(text);

async function keep(answers: PublicAnswers, query: string, text: string) {
  const looked = await answers.lookup(question(query));
  if (!('position' in looked)) throw new Error(`${query} was kept already`);
  answers.keep(question(query), looked.position, body(text), etagOf(text), 'application/json');
}

describe('public answers', () => {
  it('hand back a kept answer while no record changed, through commits that changed none, and nothing once one did', async () => {
    const { answers, state } = answersAt(1 << 20);
    await keep(answers, '{ a }', 'A');
    expect(await answers.lookup(question('{ a }'))).toMatchObject({ hit: { body: body('A') } });
    state.position = '1:2:';
    expect(await answers.lookup(question('{ a }'))).toMatchObject({ hit: { body: body('A') } });
    state.position = '1:3:';
    state.recordsChanged = true;
    expect(await answers.lookup(question('{ a }'))).toHaveProperty('position');
    expect(answers.stats()).toMatchObject({ hits: 2, misses: 2, invalidations: 1, entries: 0, bytes: 0 });
  });

  it('do not keep an answer worked out before a record change that a later look saw', async () => {
    const { answers, state } = answersAt(1 << 20);
    const looked = await answers.lookup(question('{ a }'));
    state.position = '2:2:';
    state.recordsChanged = true;
    await answers.lookup(question('{ b }'));
    if (!('position' in looked)) throw new Error('a hit on an empty cache');
    answers.keep(question('{ a }'), looked.position, body('A from before'), etagOf('A'), 'application/json');
    expect(await answers.lookup(question('{ a }'))).toHaveProperty('position');
  });

  it('keep an answer worked out while commits that changed no record went by', async () => {
    const { answers, state } = answersAt(1 << 20);
    const looked = await answers.lookup(question('{ a }'));
    state.position = '2:2:';
    await answers.lookup(question('{ b }'));
    if (!('position' in looked)) throw new Error('a hit on an empty cache');
    answers.keep(question('{ a }'), looked.position, body('A'), etagOf('A'), 'application/json');
    expect(await answers.lookup(question('{ a }'))).toMatchObject({ hit: { body: body('A') } });
  });

  it('stay within their bytes, dropping the least recently read first', async () => {
    const entry = body('x'.repeat(100)).length + question('{ a }').key.length * 2;
    const { answers } = answersAt(entry * 2);
    await keep(answers, '{ a }', 'x'.repeat(100));
    await keep(answers, '{ b }', 'x'.repeat(100));
    await answers.lookup(question('{ a }'));
    await keep(answers, '{ c }', 'x'.repeat(100));
    expect(answers.stats()).toMatchObject({ entries: 2, bytes: entry * 2 });
    expect(await answers.lookup(question('{ a }'))).toHaveProperty('hit');
    expect(await answers.lookup(question('{ b }'))).toHaveProperty('position');
    expect(await answers.lookup(question('{ c }'))).toHaveProperty('hit');
  });

  it('ask apart what differs in the caller class, method, accepted type or request text', () => {
    const text = JSON.stringify({ query: '{ a }', variables: { id: 1 } });
    const anonymous = publicQuestion('anonymous', 'POST', '', text).key;
    expect(publicQuestion('anonymous', 'POST', '', text).key).toBe(anonymous);
    expect(publicQuestion('client', 'POST', '', text).key).not.toBe(anonymous);
    expect(publicQuestion('anonymous', 'GET', '', text).key).not.toBe(anonymous);
    expect(publicQuestion('anonymous', 'POST', 'application/graphql-response+json', text).key).not.toBe(anonymous);
    expect(publicQuestion('anonymous', 'POST', '', JSON.stringify({ query: '{ a }', variables: { id: 2 } })).key).not.toBe(anonymous);
  });

  it('match If-None-Match by tag, weak or strong, in a list, or *', () => {
    const etag = etagOf('A');
    expect(matchesTag(etag, etag)).toBe(true);
    expect(matchesTag(`"other", W/${etag}`, etag)).toBe(true);
    expect(matchesTag('*', etag)).toBe(true);
    expect(matchesTag('"other"', etag)).toBe(false);
    expect(matchesTag(undefined, etag)).toBe(false);
  });

  it("log each minute's hits, misses and invalidations, and nothing for a minute without requests", async () => {
    vi.useFakeTimers();
    try {
      const { answers, state } = answersAt(1 << 20);
      const logged: string[] = [];
      const stop = reportPublicAnswers(answers, (message) => logged.push(message));
      await keep(answers, '{ a }', 'A');
      await answers.lookup(question('{ a }'));
      state.position = '2:2:';
      state.recordsChanged = true;
      await answers.lookup(question('{ a }'));
      vi.advanceTimersByTime(60_000);
      vi.advanceTimersByTime(60_000);
      stop();
      expect(logged).toEqual(['Public answers in the last minute: 1 hits, 2 misses, 1 invalidations; 0 kept in 0.0 MiB']);
    } finally {
      vi.useRealTimers();
    }
  });
});
