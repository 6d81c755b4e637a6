import type { TranslateFunction } from 'react-admin';

/** The runs that write without a person, by the prefix the revision log names them with. */
const RUNS = new Set(['seed', 'seed-review', 'import']);

/**
 * Who made a change, as a person reads it: the API answers a user's or key's name, but a run only as the log names
 * it (`seed:curated.yaml`), which reads as a code.
 */
export function readableActor(actorName: string, translate: TranslateFunction): string {
  const run = /^([a-z-]+):(.+)$/.exec(actorName);
  return run && RUNS.has(run[1]!) ? translate(`console.common.runs.${run[1]}`, { name: run[2] }) : actorName;
}
