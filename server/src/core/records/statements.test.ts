import { describe, expect, it } from 'vitest';

import { editStatementSql, stateQuerySql, type TablePlan, writeParameters, writeStatementSql } from './statements.js';

const PLAN: TablePlan = {
  table: 'claims',
  alias: 'c',
  select: '"c"."id" AS "c.id", "c"."text" AS "c.text"',
  columns: [
    { property: 'text', name: 'text', sqlType: 'text' },
    { property: 'deletedAt', name: 'deleted_at', sqlType: 'timestamptz' },
  ],
  links: [
    {
      property: 'eventIds',
      table: 'claim_events',
      owner: 'claim_id',
      values: [{ property: 'eventId', name: 'event_id', sqlType: 'uuid' }],
      single: true,
    },
    {
      property: 'links',
      table: 'claim_links',
      owner: 'from_claim_id',
      values: [
        { property: 'toClaimId', name: 'to_claim_id', sqlType: 'uuid' },
        { property: 'type', name: 'type', sqlType: 'text' },
      ],
      single: false,
    },
  ],
  createOnly: [{ property: 'secret', name: 'secret', sqlType: 'text' }],
  readOnly: [],
};

const STATE = {
  text: 'Said.',
  deletedAt: null,
  secret: 'hash',
  eventIds: ['e1', 'e2'],
  links: [
    { toClaimId: 'c2', type: 'SUPPORTS' },
    { toClaimId: 'c3', type: 'REFUTES' },
  ],
};
const AT = new Date('2026-01-01T00:00:00Z');

const placeholders = (sql: string) => new Set([...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));

describe('a declared kind’s write statement', () => {
  for (const mode of ['create', 'update'] as const) {
    it(`takes, for a ${mode}, every parameter it is given and no other`, () => {
      const values = writeParameters(PLAN, mode, 'c1', STATE, AT, (column) => STATE[column.property as keyof typeof STATE]);
      expect([...placeholders(writeStatementSql(PLAN, mode))].sort((a, b) => a - b)).toEqual(values.map((_, i) => i + 1));
    });
  }

  it('passes each link as arrays, column by column, then the time of a create, then the columns', () => {
    expect(writeParameters(PLAN, 'create', 'c1', STATE, AT, (column) => STATE[column.property as keyof typeof STATE])).toEqual([
      'c1',
      ['e1', 'e2'],
      ['c2', 'c3'],
      ['SUPPORTS', 'REFUTES'],
      AT,
      'Said.',
      null,
      'hash',
    ]);
    expect(writeParameters(PLAN, 'update', 'c1', STATE, AT, (column) => STATE[column.property as keyof typeof STATE])).toEqual([
      'c1',
      ['e1', 'e2'],
      ['c2', 'c3'],
      ['SUPPORTS', 'REFUTES'],
      'Said.',
      null,
    ]);
  });

  it('deletes the link rows a state no longer has on an update only, and inserts the row, with its create-only columns, on a create only', () => {
    const create = writeStatementSql(PLAN, 'create');
    const update = writeStatementSql(PLAN, 'update');
    expect(create).toMatch(/^WITH written AS \(INSERT INTO "claims"/);
    expect(create).not.toContain('DELETE');
    expect(update).toMatch(/^WITH written AS \(UPDATE "claims"/);
    expect(update.match(/DELETE FROM/g)).toHaveLength(2);
    expect(create).toContain('"secret"');
    expect(update).not.toContain('"secret"');
  });

  it('reads the state with each link list under its property', () => {
    const sql = stateQuerySql(PLAN);
    expect(sql).toContain('AS "eventIds"');
    expect(sql).toContain(`json_build_object('toClaimId', l."to_claim_id", 'type', l."type")`);
    expect(sql).toMatch(/WHERE "c"\."id" = \$1$/);
  });

  it('matches the rows of a link whose columns may be null null-safely, and leaves a null out of the state', () => {
    const plan: TablePlan = {
      ...PLAN,
      table: 'events',
      alias: 'e',
      links: [
        {
          property: 'participants',
          table: 'event_participants',
          owner: 'event_id',
          values: [
            { property: 'entityId', name: 'entity_id', sqlType: 'uuid', nullable: true },
            { property: 'label', name: 'label', sqlType: 'text', nullable: true },
            { property: 'role', name: 'role', sqlType: 'text' },
          ],
          single: false,
        },
      ],
    };
    const state = {
      ...STATE,
      participants: [
        { entityId: 'p1', role: 'AGENT' },
        { label: 'a guard', role: 'TARGET' },
      ],
    };
    expect(writeParameters(plan, 'update', 'e1', state, AT, () => null).slice(1, 4)).toEqual([
      ['p1', null],
      [null, 'a guard'],
      ['AGENT', 'TARGET'],
    ]);
    // A row comparison with a null in it is neither true nor false: NOT IN would keep a row the state dropped.
    for (const sql of [writeStatementSql(plan, 'update'), editStatementSql(plan, 10, null)]) {
      expect(sql).not.toMatch(/NOT IN/);
      expect(sql).toContain('g."entity_id" IS NOT DISTINCT FROM "event_participants"."entity_id"');
    }
    expect(stateQuerySql(plan)).toContain(`json_strip_nulls(json_build_object('entityId', l."entity_id"`);
    expect(writeStatementSql(PLAN, 'update')).toMatch(/\("to_claim_id", "type"\) NOT IN/);
  });
});
