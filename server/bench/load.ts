/**
 * `npm run load [-- --seconds 60 --clients 50]`: a mixed load over real HTTP on a scratch database: 90% reads (a
 * page of claims, a claim's provenance, a search, events in a month), 10% updates. Prints requests per second,
 * latency percentiles per kind, errors (anything but data or an expected CONFLICT), and the server's memory and
 * pool use every 10 s, so a long run (`--seconds 600`) shows whether they stay flat.
 *
 * `--targets http://host:4001,http://host:4002 --email … --password …` sends the same load to running servers
 * instead (client n to the nth mod count), as the editor given, who makes the updates; `npm run cluster` does so.
 */
import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { type LoadTarget, printLoad, remoteTarget, runLoad } from './load-run.js';
import { startScratchServer } from './scratch.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      clients: { type: 'string', default: '50' },
      targets: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  const clients = Number(values.clients);
  let targets: LoadTarget[];
  let sample: (() => string) | undefined;
  let stop: () => Promise<void> = async () => undefined;
  if (values.targets) {
    if (!values.email || !values.password) throw new Error('--targets needs --email and --password of an editor on those servers');
    const editor = { email: values.email, password: values.password };
    targets = await Promise.all(values.targets.split(',').map((base) => remoteTarget(base.trim(), editor)));
  } else {
    const scratch = await startScratchServer();
    targets = [scratch];
    sample = () =>
      `pool ${scratch.pool.totalCount - scratch.pool.idleCount}/${scratch.pool.totalCount} busy, ${scratch.pool.waitingCount} waiting`;
    stop = () => scratch.stop();
  }
  try {
    const result = await runLoad(targets, { seconds, clients, sample });
    printLoad(result, seconds);
    if (result.errors > 0) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
