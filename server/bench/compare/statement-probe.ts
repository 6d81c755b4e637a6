/**
 * Preloaded (`node --require`) into each server the comparison starts: counts every statement any pool sends
 * to PostgreSQL through `pg`, which this server (via TypeORM), PostGraphile and the raw handler all use, and
 * answers the count when the benchmark asks over the IPC channel.
 */
import pg from 'pg';

let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements++;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on('message', (message) => {
  if (message === 'statements') process.send?.({ statements });
});
