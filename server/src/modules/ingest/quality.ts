import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { locateQuote } from '../../core/anchoring/text-quote.js';
import { DatePrecision } from '../../core/dates/precision.js';
import { blocksOf } from '../../core/text/blocks.js';
import { repoRoot } from '../../paths.js';
import type { CuratedFile } from '../../seed/curated-file.js';
import { Gazetteer } from './gazetteer.js';
import { propose, type Proposals, type Span } from './propose.js';

/** How well proposals cover hand-curated records: one matches another when their words overlap by half or more. */
export interface Score {
  curated: number;
  proposed: number;
  /** Curated records at least one proposal covers. */
  found: number;
  /** Proposals that cover at least one curated record. */
  useful: number;
  recall: number;
  precision: number;
  missed: string[];
}

const overlaps = (a: Span, b: Span) => Math.min(a.end, b.end) - Math.max(a.start, b.start) >= 0.5 * Math.min(a.end - a.start, b.end - b.start);

export function score(proposed: Span[], curated: Array<{ label: string; spans: Span[] }>): Score {
  const covered = curated.filter((record) => record.spans.some((span) => proposed.some((p) => overlaps(p, span))));
  const useful = proposed.filter((p) => curated.some((record) => record.spans.some((span) => overlaps(p, span))));
  return {
    curated: curated.length,
    proposed: proposed.length,
    found: covered.length,
    useful: useful.length,
    recall: covered.length / Math.max(curated.length, 1),
    precision: useful.length / Math.max(proposed.length, 1),
    missed: curated.filter((record) => !covered.includes(record)).map((record) => record.label),
  };
}

/** The seed article, proposed on from scratch with only the curated entities known, scored against the curated records. */
export function seedArticleQuality(): { claims: Score; events: Score; proposals: Proposals } {
  const curated = parse(fs.readFileSync(path.join(repoRoot, 'seeds/curated.yaml'), 'utf8')) as CuratedFile;
  const text = fs.readFileSync(path.join(repoRoot, 'seeds', curated.source.file), 'utf8');
  const spansOf = (quotes: Array<{ exact: string; prefix?: string; suffix?: string }>) =>
    quotes.map((quote) => {
      const match = locateQuote(text, quote);
      if (!match.ok) throw new Error(`curated quote not in the text: ${quote.exact}`);
      return { start: match.selector.start, end: match.selector.end };
    });
  const gazetteer = new Gazetteer((curated.entities ?? []).map((e) => ({ id: e.key, name: e.name, kind: e.kind, aliases: e.aliases ?? [] })));
  const proposals = propose(text, blocksOf(text), {
    gazetteer,
    publication: { date: curated.source.publishedAt!, precision: curated.source.publishedPrecision ?? DatePrecision.MONTH },
    eventTypes: new Set((curated.eventTypes ?? []).map((t) => t.code).concat(['MEETING', 'VISIT', 'AGREEMENT', 'STATEMENT', 'MILITARY_EXERCISE', 'ARMS_TRADE', 'ENERGY_DEAL', 'COUP', 'INVASION'])),
    authorLabel: "the article's author",
  });
  return {
    claims: score(proposals.claims.map((c) => c.span), (curated.claims ?? []).map((c) => ({ label: c.text, spans: spansOf(c.evidence ?? []) }))),
    events: score(proposals.events.map((e) => e.span), (curated.events ?? []).map((e) => ({ label: e.title, spans: spansOf(e.evidence ?? []) }))),
    proposals,
  };
}
