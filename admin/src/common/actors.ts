/** The runs that write without a person, by the prefix the revision log names them with. */
const RUNS: Record<string, string> = { seed: 'Seed data', 'seed-review': 'Seed review', import: 'Import' };

/**
 * Who made a change, as a person reads it: the API answers a user's or key's name, but a run only as the log names
 * it (`seed:curated.yaml`), which reads as a code.
 */
export function readableActor(actorName: string): string {
  const run = /^([a-z-]+):(.+)$/.exec(actorName);
  const kind = run ? RUNS[run[1]!] : undefined;
  return kind ? `${kind} (${run![2]})` : actorName;
}

/** "1 source", "2 sources". */
export const counted = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
