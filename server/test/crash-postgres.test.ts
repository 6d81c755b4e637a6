import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RecordType } from '../src/core/revisions/revisions.enums.js';
import { RECORDS } from '../src/modules/records.js';
import { createEditor } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';
import { type OwnPostgres, startOwnPostgres } from './support/own-postgres.js';

/** Each kind of record the load writes, and the field each write sets. */
const KINDS = [
  {
    name: 'claim',
    type: 'Claim',
    recordType: 'CLAIM',
    field: 'text',
    input: { claimantLabel: 'a witness', attribution: 'REPORTED_SPEECH', modality: 'ASSERTED', text: 'first' },
  },
  { name: 'entity', type: 'Entity', recordType: 'ENTITY', field: 'description', input: { name: 'Someone', kind: 'PERSON' } },
] as const;
const RECORDS_PER_KIND = 4;

/** Writes acknowledged before the kill: enough that it lands in the middle of the load, not before it. */
const ACKNOWLEDGED_BEFORE_KILL = 40;
/** Writes each record must get acknowledged once `/readyz` is true again. */
const ACKNOWLEDGED_AFTER_RECOVERY = 3;

type Phase = 'up' | 'down' | 'back';

interface Answer {
  ok: boolean;
  phase: Phase;
  status: number;
  retryAfter: string | null;
  errors: any[];
  data: any;
  ms: number;
}

interface Target {
  kind: (typeof KINDS)[number];
  id: string;
  version: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  for (const started = Date.now(); !(await condition()); await sleep(50)) {
    if (Date.now() - started > ms) throw new Error(`Still waiting, after ${ms} ms, for ${what}`);
  }
}

describe('when PostgreSQL is killed outright in the middle of a write load', () => {
  let own: OwnPostgres;
  let server: TestServer;
  let cookie: string;
  const targets: Target[] = [];
  /** Every write the server acknowledged, across the rounds. */
  const acknowledged: Array<{ target: Target; version: number; value: string }> = [];

  beforeAll(async () => {
    own = await startOwnPostgres();
    server = await startTestServer(own.database);
    cookie = await signIn(server, await createEditor(own.database.dataSource));
    for (const kind of KINDS) {
      for (let i = 0; i < RECORDS_PER_KIND; i++) {
        const { body } = await server.post(
          {
            query: `mutation($input: Create${kind.type}Input!) { created: create${kind.type}(input: $input) { id version } }`,
            variables: { input: kind.input },
          },
          { cookie },
        );
        targets.push({ kind, id: body.data.created.id, version: body.data.created.version });
      }
    }
  });
  afterAll(async () => {
    await server.close();
    await own.close();
  });

  it.each([
    { killed: 'the postmaster alone', which: 'postmaster' as const },
    { killed: 'every PostgreSQL process at once', which: 'all' as const },
  ])(
    'with $killed: keeps every acknowledged write, versions and revisions one to one and the chains intact; meanwhile answers 503 with a code, then recovers without a restart',
    async ({ which }) => {
      let phase: Phase = 'up';
      const failures: Answer[] = [];
      const failedDuringOutage = new Map<Target, number>();
      const acknowledgedAfterRecovery = new Map<Target, number>();
      const acknowledgedBefore = acknowledged.length;

      /** A request as a client makes it, with how long the answer took. */
      const call = async (query: string, variables: Record<string, unknown>): Promise<Answer> => {
        const during = phase;
        const started = performance.now();
        const { status, body, headers } = await server.post({ query, variables }, { cookie });
        const ok = status === 200 && Boolean(body?.data) && !body.errors;
        return {
          ok,
          phase: during,
          status,
          retryAfter: headers.get('retry-after'),
          errors: body?.errors ?? (ok ? [] : [body]),
          data: body?.data,
          ms: performance.now() - started,
        };
      };

      let stopped = false;
      const writers = targets.map(async (target) => {
        const { kind } = target;
        /** A write the outage left unanswered, which may have committed all the same. */
        let unanswered = false;
        for (let n = 1; !stopped; n++) {
          const value = `${kind.name} ${which} edit ${n}`;
          const write = await call(
            `mutation($input: Update${kind.type}Input!) { updated: update${kind.type}(input: $input) { version } }`,
            {
              input: { id: target.id, expectedVersion: target.version, [kind.field]: value },
            },
          );
          if (write.ok) {
            target.version = write.data.updated.version;
            unanswered = false;
            acknowledged.push({ target, version: target.version, value });
            if (write.phase === 'back') acknowledgedAfterRecovery.set(target, (acknowledgedAfterRecovery.get(target) ?? 0) + 1);
            continue;
          }
          const conflict = write.errors[0]?.extensions;
          if (unanswered && conflict?.code === 'CONFLICT' && conflict.currentVersion === target.version + 1) {
            // The unanswered write had committed before its answer was lost: its retry is refused, not applied twice.
            target.version = conflict.currentVersion;
            unanswered = false;
            continue;
          }
          failures.push(write);
          unanswered = true;
          if (write.phase === 'down') failedDuringOutage.set(target, (failedDuringOutage.get(target) ?? 0) + 1);
          await sleep(50);
          const read = await call(`query($id: ID!) { ${kind.name}(id: $id) { version } }`, { id: target.id });
          if (read.ok) {
            target.version = read.data[kind.name].version;
            unanswered = false;
          } else {
            failures.push(read);
          }
        }
      });

      try {
        await until(
          () => acknowledged.length - acknowledgedBefore >= ACKNOWLEDGED_BEFORE_KILL,
          `${ACKNOWLEDGED_BEFORE_KILL} acknowledged writes`,
        );
        await own.kill(which);
        phase = 'down';

        expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
        const exported = await fetch(`${server.url}/exports/claims.csv`, { headers: { cookie } });
        expect([exported.status, exported.headers.get('retry-after')]).toEqual([503, '2']);
        expect(await exported.json()).toMatchObject({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true } }] });
        await until(() => failedDuringOutage.size === targets.length, 'every writer to meet the outage');
        // A server whose embedded PostgreSQL died stops without waiting for it to exit a second time.
        expect(await Promise.race([own.stop().then(() => 'stopped'), sleep(2000).then(() => 'still waiting')])).toBe('stopped');

        const logged = own.log.length;
        await own.restart();
        expect(own.log.slice(logged).join('\n')).toMatch(/automatic recovery in progress/);
        await until(async () => (await fetch(`${server.url}/readyz`)).ok, '/readyz to be true again');
        phase = 'back';
        await until(
          () => targets.every((target) => (acknowledgedAfterRecovery.get(target) ?? 0) >= ACKNOWLEDGED_AFTER_RECOVERY),
          `${ACKNOWLEDGED_AFTER_RECOVERY} acknowledged writes per record after recovery`,
        );
      } finally {
        stopped = true;
        await Promise.all(writers);
      }

      const outage = failures.filter((failure) => failure.phase !== 'back');
      expect(outage.length).toBeGreaterThanOrEqual(targets.length);
      for (const failure of outage) {
        expect(failure, JSON.stringify(failure)).toMatchObject({ status: 503, retryAfter: '2' });
        expect(failure.ms, JSON.stringify(failure)).toBeLessThan(5000);
        for (const error of failure.errors)
          expect(error.extensions, JSON.stringify(failure)).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', retryable: true });
      }
      expect(failures.filter((failure) => failure.phase === 'back')).toEqual([]);

      for (const target of targets) {
        const { ok, data } = await call(
          `query($id: ID!) { ${target.kind.name}(id: $id) { version } revisions(recordType: ${target.kind.recordType}, recordId: $id) { version state } }`,
          { id: target.id },
        );
        expect(ok).toBe(true);
        const versions = data.revisions.map((revision: { version: number }) => revision.version);
        expect(versions).toEqual(Array.from({ length: data[target.kind.name].version }, (_, i) => i + 1));
        for (const ack of acknowledged.filter((a) => a.target === target))
          expect(data.revisions[ack.version - 1].state[target.kind.field]).toBe(ack.value);
      }

      // Every kind of record, not only those written here: none without its revisions, no revision without its record.
      let revisions = 0;
      for (const recordType of Object.values(RecordType)) {
        const table = RECORDS[recordType].table;
        const [row] = await own.database.dataSource.query(
          `SELECT (SELECT count(*) FROM "${table}" t WHERE t.version <> (SELECT count(*) FROM revisions r WHERE r.record_type = $1 AND r.record_id = t.id))::int AS "versionsOff",
                  (SELECT count(*) FROM revisions r WHERE r.record_type = $1 AND NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t.id = r.record_id))::int AS "orphans",
                  (SELECT count(*) FROM revisions r WHERE r.record_type = $1)::int AS "revisions"`,
          [recordType],
        );
        expect({ recordType, versionsOff: row.versionsOff, orphans: row.orphans }).toEqual({ recordType, versionsOff: 0, orphans: 0 });
        revisions += row.revisions;
      }
      const chain = await call('{ verifyRevisionChain { firstBreak { recordId } revisions } }', {});
      expect(chain.data.verifyRevisionChain).toEqual({ firstBreak: null, revisions });
    },
    60_000,
  );
});
