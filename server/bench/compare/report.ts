import fs from 'node:fs';

import { SERVER_TITLES, type ServerName } from './queries.js';

/** One server's timed window on one query, in one round. */
export interface Measurement {
  requestsPerSecond: number;
  /** Requests answered in the timed window. */
  requests: number;
  /** Latency at saturation (autocannon at fixed concurrency), ms. */
  p50: number;
  p95: number;
  p99: number;
  /** Latency at a fixed offered load, a share of this round's saturation rate. */
  offered: { rate: number; achieved: number; p50: number; p99: number } | null;
  /** CPU per request over the timed window, ms: the server's process, its PostgreSQL backends, both. */
  cpu: { node: number; postgres: number; total: number };
  /** The machine's busy time not spent by the server, its backends or the harness, in cores, over the window. */
  otherLoad: number;
  errors: number;
  statementsPerRequest: number;
  peakRss: number;
}

export interface ProbeResult {
  key: string;
  title: string;
  /** Every round of every server run, in order. */
  rounds: Partial<Record<ServerName, Measurement[]>>;
}

export interface LoadVerdict {
  /** Other tenants' load over all timed windows, in cores. */
  mean: number;
  max: number;
  threshold: number;
  busy: boolean;
}

/** One read asked again and again of this server, with its cache of public answers off and on, in the same rounds. */
export interface RepeatRead {
  key: string;
  title: string;
  uncached: Measurement[];
  cached: Measurement[];
}

export interface RunReport {
  date: string;
  command: string;
  servers: ServerName[];
  machine: string[];
  versions: string[];
  corpus: string[];
  method: string[];
  load: LoadVerdict;
  results: ProbeResult[];
  repeatReads: RepeatRead[];
  checks: string[];
}

const BEGIN = '<!-- bench:begin (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median with the spread of the rounds, "1.23 (1.20–1.31)"; a single round is its own value. */
export function spread(values: number[], digits: number, suffix = ''): string {
  const text = (value: number) => `${value.toFixed(digits)}${suffix}`;
  if (values.length === 0) return 'n/a';
  if (values.length === 1) return text(values[0]!);
  return `${text(median(values))} (${text(Math.min(...values))}–${text(Math.max(...values))})`;
}

/**
 * Per round, one server against another (rounds interleave the servers, so round i of each ran in the same few
 * minutes): CPU as theirs over ours, throughput as ours over theirs, so that above 1 always means `subject` is better.
 */
export function ratios(subject: Measurement[], other: Measurement[]): { cpu: number[]; throughput: number[] } {
  const rounds = Math.min(subject.length, other.length);
  const cpu: number[] = [];
  const throughput: number[] = [];
  for (let i = 0; i < rounds; i++) {
    cpu.push(other[i]!.cpu.total / subject[i]!.cpu.total);
    throughput.push(subject[i]!.requestsPerSecond / other[i]!.requestsPerSecond);
  }
  return { cpu, throughput };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export function loadLine(load: LoadVerdict): string {
  return `Other tenants' load during the timed windows (the machine's busy time less the server measured, its PostgreSQL backends, autocannon, the idle servers and PostgreSQL's other processes): ${load.mean.toFixed(2)} cores on average, ${load.max.toFixed(2)} at most in one window; threshold for rewriting docs/perf.md ${load.threshold.toFixed(2)} cores: ${load.busy ? '**busy run**, its throughput figures are not comparable with a quiet run' : 'quiet enough'}`;
}

export function formatReport(report: RunReport): string {
  const lines = [
    `### Run of ${report.date}${report.load.busy ? ' (busy machine)' : ''}`,
    '',
    `Command: \`${report.command}\``,
    '',
    ...report.machine.map((line) => `- ${line}`),
    `- ${loadLine(report.load)}`,
    ...report.versions.map((line) => `- ${line}`),
    '',
    '**Corpus**',
    '',
    ...report.corpus.map((line) => `- ${line}`),
    '',
    '**Method**',
    '',
    ...report.method.map((line) => `- ${line}`),
    '',
    '**Results** (median of the rounds, their range in brackets)',
    '',
    '| query | server | CPU ms / request | of which Node | of which PostgreSQL | req/s | p50 / p99 ms at saturation | p50 / p99 ms at 60 % of it | SQL statements / request | peak RSS | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of report.results) {
    report.servers.forEach((server, i) => {
      const rounds = result.rounds[server]!;
      const offered = rounds.flatMap((m) => (m.offered ? [m.offered] : []));
      const atRate =
        offered.length > 0
          ? `${median(offered.map((o) => o.p50)).toFixed(1)} / ${median(offered.map((o) => o.p99)).toFixed(1)} (at ${median(offered.map((o) => o.achieved)).toFixed(0)}/s)`
          : 'n/a';
      lines.push(
        `| ${i === 0 ? result.title : ''} | ${SERVER_TITLES[server]} | ${spread(
          rounds.map((m) => m.cpu.total),
          2,
        )} | ${spread(
          rounds.map((m) => m.cpu.node),
          2,
        )} | ${spread(
          rounds.map((m) => m.cpu.postgres),
          2,
        )} | ${spread(
          rounds.map((m) => m.requestsPerSecond),
          0,
        )} | ${median(rounds.map((m) => m.p50)).toFixed(1)} / ${median(rounds.map((m) => m.p99)).toFixed(1)} | ${atRate} | ${median(
          rounds.map((m) => m.statementsPerRequest),
        ).toFixed(1)} | ${mib(Math.max(...rounds.map((m) => m.peakRss)))} | ${rounds.reduce((sum, m) => sum + m.errors, 0)} |`,
      );
    });
  }
  const subjects = report.servers.filter((server) => server === 'this' || server === 'baseline');
  const others = report.servers.filter((server) => server !== 'this');
  lines.push(
    '',
    "**Ratios** (per round, then median and range: CPU per request is the other's over this server's, throughput this server's over the other's; above 1 means this server is better; CPU is the primary figure)",
    '',
  );
  const pairs = subjects.flatMap((subject) => others.filter((other) => other !== subject).map((other) => [subject, other] as const));
  lines.push(
    `| query | ${pairs.map(([subject, other]) => `${SERVER_TITLES[subject]} / ${SERVER_TITLES[other]}: CPU | req/s`).join(' | ')} |`,
    `| --- | ${pairs.map(() => '---: | ---:').join(' | ')} |`,
  );
  for (const result of report.results) {
    const cells = pairs.map(([subject, other]) => {
      const { cpu, throughput } = ratios(result.rounds[subject]!, result.rounds[other]!);
      return `${spread(cpu, 2, '×')} | ${spread(throughput, 2, '×')}`;
    });
    lines.push(`| ${result.title} | ${cells.join(' | ')} |`);
  }
  if (report.repeatReads.length > 0) {
    lines.push(
      '',
      '**Repeat reads** (this server asked the same anonymous read again and again, its cache of public answers off, as above, and on; with it on, each request still asks PostgreSQL where its commits stand, one statement shared by the requests that arrive while it runs; CPU ratio is off over on, throughput on over off)',
      '',
      '| query | cache | CPU ms / request | of which Node | of which PostgreSQL | req/s | p50 / p99 ms at saturation | SQL statements / request | CPU off / on | req/s on / off |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const read of report.repeatReads) {
      const { cpu, throughput } = ratios(read.cached, read.uncached);
      for (const [label, rounds] of [
        ['off', read.uncached],
        ['on', read.cached],
      ] as const) {
        lines.push(
          `| ${label === 'off' ? read.title : ''} | ${label} | ${spread(
            rounds.map((m) => m.cpu.total),
            2,
          )} | ${spread(
            rounds.map((m) => m.cpu.node),
            2,
          )} | ${spread(
            rounds.map((m) => m.cpu.postgres),
            2,
          )} | ${spread(
            rounds.map((m) => m.requestsPerSecond),
            0,
          )} | ${median(rounds.map((m) => m.p50)).toFixed(1)} / ${median(rounds.map((m) => m.p99)).toFixed(1)} | ${median(
            rounds.map((m) => m.statementsPerRequest),
          ).toFixed(2)} | ${label === 'on' ? spread(cpu, 1, '×') : ''} | ${label === 'on' ? spread(throughput, 1, '×') : ''} |`,
        );
      }
    }
  }
  lines.push('', '**Checks**', '', ...report.checks.map((line) => `- ${line}`));
  return lines.join('\n');
}

/** Replaces the generated part of the document, keeping what people wrote around it. */
export function writeReport(file: string, markdown: string, preamble: string): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `${preamble}\n\n${BEGIN}\n${END}\n`;
  const begin = existing.indexOf(BEGIN);
  const end = existing.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`${file} has lost its ${BEGIN} … ${END} markers`);
  fs.writeFileSync(file, `${existing.slice(0, begin + BEGIN.length)}\n${markdown}\n${existing.slice(end)}`);
}
