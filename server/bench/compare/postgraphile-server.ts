/**
 * PostGraphile 5 over the views of `graphile` (see POSTGRAPHILE_SCHEMA), as a team would run it in
 * production: the Amber preset without the Node interface (ids stay the tables' ids), no GraphiQL, no explain,
 * a pool of the same size as this server's, acting as the same database role. Started by the comparison with
 * DATABASE_URL, PORT and DB_POOL_SIZE.
 */
import './promise-with-resolvers.js';

import { createServer } from 'node:http';

import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

import { APP_ROLE } from '../../src/db/data-source.js';

async function main(): Promise<void> {
  const port = Number(process.env.PORT);
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_POOL_SIZE),
    options: `-c role=${APP_ROLE}`,
  });
  const instance = postgraphile({
    extends: [PostGraphileAmberPreset],
    disablePlugins: ['NodePlugin'],
    pgServices: [makePgService({ pool, schemas: ['graphile'] })],
    grafserv: { port, graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: { explain: false },
  });
  const server = createServer();
  await instance.createServ(grafserv).addTo(server);
  server.listen(port, '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
