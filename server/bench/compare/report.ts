import fs from 'node:fs';

import { SERVER_TITLES, type ServerName, SERVERS } from './queries.js';

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statementsPerRequest: number;
  peakRss: number;
  /** Requests per second in the rounds not reported, when there were several. */
  otherRounds: number[];
}

export interface ProbeResult {
  key: string;
  title: string;
  servers: Record<ServerName, Measurement>;
}

export interface RunReport {
  date: string;
  command: string;
  machine: string[];
  versions: string[];
  corpus: string[];
  method: string[];
  results: ProbeResult[];
  checks: string[];
}

const BEGIN = '<!-- bench:begin (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ms = (value: number) => value.toFixed(1);
const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : 'n/a');

export function formatReport(report: RunReport): string {
  const lines = [
    `### Run of ${report.date}`,
    '',
    `Command: \`${report.command}\``,
    '',
    ...report.machine.map((line) => `- ${line}`),
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
    '**Results**',
    '',
    '| query | server | req/s (other round) | p50 ms | p95 ms | p99 ms | SQL statements / request | peak RSS | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of report.results) {
    for (const server of SERVERS) {
      const m = result.servers[server];
      const others = m.otherRounds.length > 0 ? ` (${m.otherRounds.map((rate) => rate.toFixed(0)).join(', ')})` : '';
      lines.push(
        `| ${server === 'this' ? result.title : ''} | ${SERVER_TITLES[server]} | ${m.requestsPerSecond.toFixed(0)}${others} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.statementsPerRequest.toFixed(1)} | ${mib(m.peakRss)} | ${m.errors} |`,
      );
    }
  }
  lines.push('', "**Ratios** (requests per second of this server over the other's; above 1 means this server is faster)", '');
  lines.push('| query | this / PostGraphile | this / raw SQL |', '| --- | ---: | ---: |');
  for (const result of report.results) {
    const { this: ours, postgraphile, raw } = result.servers;
    lines.push(
      `| ${result.title} | ${ratio(ours.requestsPerSecond, postgraphile.requestsPerSecond)} | ${ratio(ours.requestsPerSecond, raw.requestsPerSecond)} |`,
    );
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
