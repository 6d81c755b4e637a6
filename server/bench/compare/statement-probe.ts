/**
 * Preloaded (`node --require`) into each server the comparison starts: counts every statement any pool sends
 * to PostgreSQL through `pg`, which this server (via TypeORM), PostGraphile and the raw handler all use, and
 * answers the count when the benchmark asks over the IPC channel.
 */
import { createRequire } from 'node:module';

import type PG from 'pg';

// The `pg` the server itself loads, resolved from its entry point: a baseline built in another checkout has its own copy.
const pg = createRequire(process.argv[1]!)('pg') as typeof PG;

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function countedQuery(this: PG.Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on('message', (message) => {
  if (message === 'statements') process.send?.({ statements });
});
