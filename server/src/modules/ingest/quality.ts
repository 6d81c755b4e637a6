import fs from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { locateQuote } from '../../core/anchoring/text-quote.js';
import { DatePrecision } from '../../core/dates/precision.js';
import { blocksOf } from '../../core/text/blocks.js';
import { repoRoot } from '../../paths.js';
import type { CuratedFile } from '../../seed/curated-file.js';
import { bestCorroboration, bestEventMatch, claimSimilarity, sameClaimant, sameStory, type StoryTrace } from './corroborate.js';
import { Gazetteer } from './gazetteer.js';
import { entityIdsOf, type EventProposal, type Proposals, propose, type Span } from './propose.js';
import { lexiconOf } from './rewording.js';
import { codePointOffsets } from './sentences.js';
import type { KnownDate } from './time-expressions.js';

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

const overlaps = (a: Span, b: Span) =>
  Math.min(a.end, b.end) - Math.max(a.start, b.start) >= 0.5 * Math.min(a.end - a.start, b.end - b.start);

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

/** The seed's event types, SANCTIONS (which issue 16 names among the happenings to find) and OTHER: what a store set up from the seed would offer the proposer. */
const EVENT_TYPES: ReadonlySet<string> = new Set([
  'SANCTIONS',
  'MEETING',
  'VISIT',
  'AGREEMENT',
  'STATEMENT',
  'MILITARY_EXERCISE',
  'ARMS_TRADE',
  'ENERGY_DEAL',
  'COUP',
  'INVASION',
  'CONFERENCE',
  'ESTABLISHMENT',
  'ELECTION',
  'PROPOSAL',
  'OTHER',
]);

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
  const gazetteer = new Gazetteer(
    (curated.entities ?? []).map((e) => ({ id: e.key, name: e.name, kind: e.kind, aliases: e.aliases ?? [] })),
  );
  const proposals = propose(text, blocksOf(text), {
    gazetteer,
    publication: { date: curated.source.publishedAt!, precision: curated.source.publishedPrecision ?? DatePrecision.MONTH },
    eventTypes: new Set(
      (curated.eventTypes ?? [])
        .map((t) => t.code)
        .concat(['MEETING', 'VISIT', 'AGREEMENT', 'STATEMENT', 'MILITARY_EXERCISE', 'ARMS_TRADE', 'ENERGY_DEAL', 'COUP', 'INVASION']),
    ),
    authorLabel: "the article's author",
  });
  return {
    claims: score(
      proposals.claims.map((c) => c.span),
      (curated.claims ?? []).map((c) => ({ label: c.text, spans: spansOf(c.evidence ?? []) })),
    ),
    events: score(
      proposals.events.map((e) => e.span),
      (curated.events ?? []).map((e) => ({ label: e.title, spans: spansOf(e.evidence ?? []) })),
    ),
    proposals,
  };
}

/** One article of the development set: its text beside a gold reading written by hand (server/test/ingest-dev). */
interface GoldFile {
  url: string;
  outlet: string;
  published: KnownDate;
  known: Array<{ name: string; kind: string; aliases?: string[] }>;
  claims: Array<{ quote: string; claimant: string | string[]; attribution: string; modality: string }>;
  events: Array<{
    type: string;
    quote: string;
    participants: string[];
    place?: string;
    date: string | null;
    precision?: DatePrecision;
    modality?: string;
  }>;
  names: string[];
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A gold reading, its dates checked: a date is written whole at any precision ("2023-03-01" at MONTH), as the
 * proposer writes it, so that a "2023-03" cannot score every proposal of that month wrong without a word.
 */
function goldFrom(yaml: string, file: string): GoldFile {
  const gold = parse(yaml) as GoldFile;
  const dates = [gold.published.date, ...gold.events.map((event) => event.date)].filter((date) => date !== null);
  const partial = dates.find((date) => !CALENDAR_DATE.test(String(date)));
  if (partial !== undefined) throw new Error(`${file}: a gold date is written whole at any precision, not ${partial}`);
  return gold;
}

/** A count of right answers out of the cases asked. */
export interface Ratio {
  right: number;
  of: number;
}

export interface ArticleQuality {
  file: string;
  /** Proposed claims resting on a sentence the gold reading records as a claim. */
  claimPrecision: Ratio;
  /** Gold claims by someone other than the author whose proposal names that speaker. */
  claimants: Ratio;
  /** Gold events found by a proposal right in type, date at its precision, and participants. */
  eventRecall: Ratio;
  /** Proposed events right in type, date and participants for some gold event. */
  eventPrecision: Ratio;
  /** Gold dated events whose sentence got a proposal with their very date and precision. */
  dates: Ratio;
  /** Proposed new names that are no name the gold reading lists. */
  junkNames: Ratio;
  /** Names the gold reading lists that were proposed. */
  namesFound: Ratio;
  milliseconds: number;
  wrongClaimants: string[];
  junk: string[];
  /** Names the gold reading lists that no proposal gave. */
  missedNames: string[];
  /** Gold events no proposal got right, and proposals right for no gold event, each with what was proposed. */
  wrongEvents: string[];
}

const setDir = (name: string) => path.join(repoRoot, 'server', 'test', name);
export const devSetDir = setDir('ingest-dev');

/**
 * Every set of articles with gold readings, in the order they were written. A blind set's misses are listed only when
 * it is asked for by name, so they stay unread while rules are tuned on the others.
 */
export const EVALUATION_SETS = [
  { name: 'Development set', key: 'dev', dir: devSetDir, blind: false },
  // Articles kept out of tuning: their figures say how the rules do on text nobody tuned them on.
  { name: 'Held-out set', key: 'holdout', dir: setDir('ingest-holdout'), blind: false },
  // Written after the held-out set had been tuned on, measured before and after tuning only.
  { name: 'Blind set', key: 'blind', dir: setDir('ingest-blind'), blind: true },
  // Four more, written when the first blind set's misses had been shown once by mistake.
  { name: 'Second blind set', key: 'blind2', dir: setDir('ingest-blind2'), blind: true },
  // From here on, real articles of seven or eight kinds of outlet, several on one story, read by hand before the
  // importer ever ran on them (docs/ingest.md says what each holds).
  { name: 'Third blind set', key: 'blind3', dir: setDir('ingest-blind3'), blind: true },
  { name: 'Fourth blind set', key: 'blind4', dir: setDir('ingest-blind4'), blind: true },
  { name: 'Fifth blind set', key: 'blind5', dir: setDir('ingest-blind5'), blind: true },
  { name: 'Sixth blind set', key: 'blind6', dir: setDir('ingest-blind6'), blind: true },
  { name: 'Seventh blind set', key: 'blind7', dir: setDir('ingest-blind7'), blind: true },
  { name: 'Eighth blind set', key: 'blind8', dir: setDir('ingest-blind8'), blind: true },
  { name: 'Ninth blind set', key: 'blind9', dir: setDir('ingest-blind9'), blind: true },
  { name: 'Tenth blind set', key: 'blind10', dir: setDir('ingest-blind10'), blind: true },
  { name: 'Eleventh blind set', key: 'blind11', dir: setDir('ingest-blind11'), blind: true },
  { name: 'Twelfth blind set', key: 'blind12', dir: setDir('ingest-blind12'), blind: true },
  { name: 'Thirteenth blind set', key: 'blind13', dir: setDir('ingest-blind13'), blind: true },
  { name: 'Fourteenth blind set', key: 'blind14', dir: setDir('ingest-blind14'), blind: true },
  { name: 'Fifteenth blind set', key: 'blind15', dir: setDir('ingest-blind15'), blind: true },
  { name: 'Sixteenth blind set', key: 'blind16', dir: setDir('ingest-blind16'), blind: true },
] as const;

const fold = (name: string) =>
  name
    .toLowerCase()
    .replace(/^(the|a|an) /, '')
    .trim();

/** Every article of the development set proposed on with only its gold `known` entities in the store, and scored. */
export function devSetQuality(dir = devSetDir): ArticleQuality[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const gold = goldFrom(fs.readFileSync(path.join(dir, file), 'utf8'), file);
      const text = fs.readFileSync(path.join(dir, file.replace(/\.yaml$/, '.txt')), 'utf8');
      const offsets = codePointOffsets(text);
      const spanOf = (quote: string): Span => {
        const at = text.indexOf(quote);
        if (at < 0) throw new Error(`${file}: gold quote not in the text: ${quote}`);
        return { start: offsets[at]!, end: offsets[at + quote.length]! };
      };
      const known = gold.known.map((e) => ({ id: e.name, name: e.name, kind: e.kind, aliases: e.aliases ?? [] }));
      const started = performance.now();
      const proposals = propose(text, blocksOf(text), {
        gazetteer: new Gazetteer(known),
        publication: gold.published,
        eventTypes: EVENT_TYPES,
        authorLabel: "the article's author",
      });
      const milliseconds = performance.now() - started;

      const goldClaims = gold.claims.map((c) => ({ ...c, span: spanOf(c.quote) }));
      const claimPrecision = {
        right: proposals.claims.filter((p) => goldClaims.some((g) => overlaps(p.span, g.span))).length,
        of: proposals.claims.length,
      };
      const wrongClaimants: string[] = [];
      const thirdParty = goldClaims.filter((g) => g.claimant !== 'author');
      const claimants = {
        right: thirdParty.filter((g) => {
          const proposal = proposals.claims.find((p) => overlaps(p.span, g.span));
          const said = proposal ? (proposal.claimantId ?? proposal.claimantLabel ?? '') : '(no proposal)';
          const ok = [g.claimant].flat().some((name) => fold(name) === fold(said));
          if (!ok) wrongClaimants.push(`${g.quote} → ${said} (gold: ${[g.claimant].flat().join(' or ')})`);
          return ok;
        }).length,
        of: thirdParty.length,
      };

      const goldEvents = gold.events.map((e) => ({ ...e, span: spanOf(e.quote) }));
      const right = (p: EventProposal, g: (typeof goldEvents)[number]) =>
        p.type === g.type &&
        // An undated happening is matched only by a proposal on its own words: any date would do otherwise.
        (g.date === null ? overlaps(p.span, g.span) : p.start.date === g.date && p.start.precision === g.precision) &&
        // A name new to the store is proposed as a label, and is found as a claimant label is: folded.
        g.participants.every((name) =>
          p.participants.some((q) => q.entityId === name || (q.label !== undefined && fold(q.label) === fold(name))),
        );
      const dated = goldEvents.filter((g) => g.date !== null && proposals.events.some((p) => overlaps(p.span, g.span)));
      const names = new Set(gold.names.map(fold));
      const junk = proposals.names.map((n) => n.name).filter((name) => !names.has(fold(name)));
      const shown = (p: EventProposal) =>
        `${p.type} ${p.start.date}/${p.start.precision} [${p.participants.map((q) => q.entityId ?? `“${q.label}”`).join(', ')}] «${p.title}»`;
      const wrongEvents = [
        ...goldEvents
          .filter((g) => !proposals.events.some((p) => right(p, g)))
          .map(
            (g) =>
              `missed ${g.type} ${g.date ?? 'undated'}/${g.precision ?? '-'} [${g.participants.join(', ')}] «${g.quote}»; on its words: ${
                proposals.events
                  .filter((p) => overlaps(p.span, g.span))
                  .map(shown)
                  .join(' | ') || 'nothing'
              }`,
          ),
        ...proposals.events.filter((p) => !goldEvents.some((g) => right(p, g))).map((p) => `wrong ${shown(p)}`),
      ];
      return {
        file,
        claimPrecision,
        claimants,
        eventRecall: { right: goldEvents.filter((g) => proposals.events.some((p) => right(p, g))).length, of: goldEvents.length },
        eventPrecision: { right: proposals.events.filter((p) => goldEvents.some((g) => right(p, g))).length, of: proposals.events.length },
        dates: {
          right: dated.filter((g) =>
            proposals.events.some((p) => overlaps(p.span, g.span) && p.start.date === g.date && p.start.precision === g.precision),
          ).length,
          of: goldEvents.filter((g) => g.date !== null).length,
        },
        junkNames: { right: junk.length, of: proposals.names.length },
        namesFound: { right: [...names].filter((name) => proposals.names.some((n) => fold(n.name) === name)).length, of: names.size },
        milliseconds,
        wrongClaimants,
        junk,
        missedNames: gold.names.filter((name) => !proposals.names.some((n) => fold(n.name) === fold(name))),
        wrongEvents,
      };
    });
}

/** Pairs of articles on one story, the second rewording claims of the first (server/test/ingest-stories). */
export const storiesSetDir = path.join(repoRoot, 'server', 'test', 'ingest-stories');

/** A second article on the story of a first one, with the claims and happenings it tells again. */
interface StoryFile {
  /** The first article, as `<set>/<name>` under server/test: its text and gold reading. */
  first: string;
  /** The second when it is an article of another set; else this file's own text, with `url`, `published`. */
  second?: string;
  published?: KnownDate;
  /** Entities the second names beside those the first's gold reading knows. */
  known: GoldFile['known'];
  same: Array<{ quote: string; first: string }>;
  events: Array<{ quote: string; first: string }>;
}

export interface StoryQuality {
  file: string;
  /** The first article, as `<set>/<name>` under server/test. */
  first: string;
  /** Reworded claims whose proposal in the second article was offered as corroboration of the first's right claim. */
  suggestions: Ratio;
  /** Corroborations offered that the pair's reading does not list (or that name another claim). */
  wrongSuggestions: Ratio;
  /** Happenings told again whose proposal was offered as more evidence of the first's proposal of them. */
  events: Ratio;
  /** Whether the two articles were grouped as one story. */
  grouped: boolean;
  /** Corroborations offered against the first articles of the other stories, and stories wrongly joined: both should be 0. */
  unrelatedSuggestions: number;
  unrelatedGrouped: number;
  /** Time to read the second against every first article (its own and the other stories'), comparisons only, no database. */
  milliseconds: number;
  misses: string[];
}

interface ReadArticle {
  text: string;
  gazetteer: Gazetteer;
  proposals: Proposals;
  published: KnownDate;
  spanOf: (quote: string) => Span;
}

function readArticle(file: string, text: string, published: KnownDate, known: GoldFile['known']): ReadArticle {
  const offsets = codePointOffsets(text);
  const gazetteer = new Gazetteer(known.map((e) => ({ id: e.name, name: e.name, kind: e.kind, aliases: e.aliases ?? [] })));
  return {
    text,
    gazetteer,
    published,
    proposals: propose(text, blocksOf(text), {
      gazetteer,
      publication: published,
      eventTypes: EVENT_TYPES,
      authorLabel: "the article's author",
    }),
    spanOf(quote) {
      const at = text.indexOf(quote);
      if (at < 0) throw new Error(`${file}: quote not in the text: ${quote}`);
      return { start: offsets[at]!, end: offsets[at + quote.length]! };
    },
  };
}

const traceOf = (article: ReadArticle): StoryTrace => ({
  entityIds: new Set([
    ...article.proposals.claims.flatMap((c) => [...c.entityIds, ...(c.claimantId ? [c.claimantId] : [])]),
    ...article.proposals.events.flatMap((e) => [...entityIdsOf(e.participants), ...(e.placeId ? [e.placeId] : [])]),
  ]),
  dates: [article.published, ...article.proposals.events.map((e) => e.start)],
});

const eventLike = (e: EventProposal) => ({ ...e, participants: entityIdsOf(e.participants) });

/** Corroborations the second article's proposals find among the first's, as the import would offer them. */
function crossRead(second: ReadArticle, first: ReadArticle) {
  // As the import: the new text's and the candidates' spelled-out acronyms, the names the store knows.
  const lexicon = lexiconOf([second.text, ...first.proposals.claims.map((c) => c.text)], second.gazetteer);
  const claims = second.proposals.claims.map((claim) => ({ claim, match: bestCorroboration(claim, first.proposals.claims, lexicon) }));
  const events = second.proposals.events.map((event) => ({
    event,
    match: bestEventMatch(eventLike(event), first.proposals.events.map(eventLike)),
  }));
  const corroborations = claims.filter((c) => c.match).length + events.filter((e) => e.match).length;
  return { claims, events, lexicon, grouped: sameStory(traceOf(second), traceOf(first), corroborations) };
}

/** The story each article belongs to, named by one of its articles: pairs read one after another join their stories. */
function storiesOf(pairs: Array<readonly [string, string]>): (name: string) => string {
  const joined = new Map<string, string>();
  const storyOf = (name: string): string => {
    const next = joined.get(name);
    return next === undefined ? name : storyOf(next);
  };
  for (const [second, first] of pairs) {
    const [a, b] = [storyOf(second), storyOf(first)];
    if (a !== b) joined.set(a, b);
  }
  return storyOf;
}

/**
 * Every pair of the stories set: the first article proposed on as if stored, the second read against it with the
 * functions `importSource` uses; and each second read against the other stories' firsts, where nothing should match.
 */
export function storiesQuality(dir = storiesSetDir): StoryQuality[] {
  const testDir = path.join(repoRoot, 'server', 'test');
  const load = (name: string) => ({
    gold: goldFrom(fs.readFileSync(path.join(testDir, `${name}.yaml`), 'utf8'), name),
    text: fs.readFileSync(path.join(testDir, `${name}.txt`), 'utf8'),
  });
  const stories = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const story = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as StoryFile;
      const first = load(story.first);
      const firstRead = readArticle(story.first, first.text, first.gold.published, first.gold.known);
      const second = story.second ? load(story.second) : null;
      const secondText = second ? second.text : fs.readFileSync(path.join(dir, file.replace(/\.yaml$/, '.txt')), 'utf8');
      const known = [...first.gold.known, ...(second?.gold.known ?? []), ...story.known];
      const secondRead = readArticle(file, secondText, second ? second.gold.published : story.published!, known);
      return { file, story, firstRead, secondRead };
    });

  // Pairs chain: one pair's second article is another's first, and two pairs may read one article after two others.
  const rootOf = storiesOf(stories.map(({ file, story }) => [story.second ?? file, story.first] as const));

  return stories.map(({ file, story, firstRead, secondRead }) => {
    const started = performance.now();
    const read = crossRead(secondRead, firstRead);
    const misses: string[] = [];
    const pairs = story.same.map((pair) => ({ span: secondRead.spanOf(pair.quote), first: firstRead.spanOf(pair.first), pair }));
    const found = pairs.filter(({ span, first, pair }) => {
      const proposal = read.claims.find((c) => overlaps(c.claim.span, span));
      const ok = !!proposal?.match && overlaps(proposal.match.claim.span, first);
      if (ok) return true;
      // How near the miss came: its similarity to the first article's proposal of the claim, or why none was compared.
      const stored = firstRead.proposals.claims.find((c) => overlaps(c.span, first));
      const near = !stored
        ? ', no proposal in the first'
        : proposal && !sameClaimant(proposal.claim, stored)
          ? ', claimants differ'
          : proposal
            ? ` (${claimSimilarity(proposal.claim.text, stored.text, read.lexicon).toFixed(2)})`
            : '';
      misses.push(
        `missed «${pair.quote}» → «${pair.first}»: ${proposal ? (proposal.match ? `offered «${proposal.match.claim.text}»` : 'offered nothing') : 'no proposal'}${near}`,
      );
      return false;
    }).length;
    const offered = read.claims.filter((c) => c.match);
    const wrong = offered.filter(
      (c) => !pairs.some(({ span, first }) => overlaps(c.claim.span, span) && overlaps(c.match!.claim.span, first)),
    );
    for (const c of wrong) misses.push(`wrong «${c.claim.text}» → «${c.match!.claim.text}» (${c.match!.similarity.toFixed(2)})`);
    const eventsFound = story.events.filter((pair) => {
      const [span, first] = [secondRead.spanOf(pair.quote), firstRead.spanOf(pair.first)];
      const ok = read.events.some((e) => overlaps(e.event.span, span) && e.match && overlaps(e.match.event.span, first));
      if (!ok) misses.push(`missed event «${pair.quote}» → «${pair.first}»`);
      return ok;
    }).length;
    const others = stories.filter((s) => rootOf(s.story.first) !== rootOf(story.first)).map((s) => crossRead(secondRead, s.firstRead));
    const milliseconds = performance.now() - started;
    for (const other of others)
      for (const c of other.claims.filter((c) => c.match))
        misses.push(`unrelated «${c.claim.text}» → «${c.match!.claim.text}» (${c.match!.similarity.toFixed(2)})`);
    return {
      file,
      first: story.first,
      suggestions: { right: found, of: pairs.length },
      wrongSuggestions: { right: wrong.length, of: offered.length },
      events: { right: eventsFound, of: story.events.length },
      grouped: read.grouped,
      unrelatedSuggestions: others.reduce((n, o) => n + o.claims.filter((c) => c.match).length + o.events.filter((e) => e.match).length, 0),
      unrelatedGrouped: others.filter((o) => o.grouped).length,
      milliseconds,
      misses,
    };
  });
}

/**
 * Every article of the development, held-out and blind sets read against every other as if it were stored,
 * the store knowing every set's entities: the corroborations offered between articles the stories set does not put
 * on one story are wrong, whatever their words share. A store holds many stories, and a reworded claim must be found
 * among them, not only beside its own first report.
 */
export function acrossSetsQuality(): { articles: number; sameStory: number; otherStories: string[] } {
  const dirs = EVALUATION_SETS.map((set) => set.dir);
  const articles = dirs.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => ({
        name: `${path.basename(dir)}/${file.replace(/\.txt$/, '')}`,
        text: fs.readFileSync(path.join(dir, file), 'utf8'),
        gold: goldFrom(fs.readFileSync(path.join(dir, file.replace(/\.txt$/, '.yaml')), 'utf8'), file),
      })),
  );
  const known = new Map(articles.flatMap((a) => a.gold.known).map((e) => [e.name, e] as const));
  const gazetteer = new Gazetteer([...known.values()].map((e) => ({ id: e.name, name: e.name, kind: e.kind, aliases: e.aliases ?? [] })));
  const pairs: Array<[string, string]> = [];
  for (const file of fs.readdirSync(storiesSetDir).filter((f) => f.endsWith('.yaml'))) {
    const pair = parse(fs.readFileSync(path.join(storiesSetDir, file), 'utf8')) as StoryFile;
    if (pair.second) pairs.push([pair.second, pair.first]);
  }
  const storyOf = storiesOf(pairs);
  const read = articles.map((a) => ({
    ...a,
    claims: propose(a.text, blocksOf(a.text), {
      gazetteer,
      publication: a.gold.published,
      eventTypes: EVENT_TYPES,
      authorLabel: "the article's author",
    }).claims,
  }));
  let sameStory = 0;
  const otherStories: string[] = [];
  for (const second of read)
    for (const first of read) {
      if (first === second) continue;
      const lexicon = lexiconOf([second.text, ...first.claims.map((c) => c.text)], gazetteer);
      for (const claim of second.claims) {
        const match = bestCorroboration(claim, first.claims, lexicon);
        if (!match) continue;
        if (storyOf(first.name) === storyOf(second.name)) sameStory += 1;
        else otherStories.push(`${second.name} → ${first.name}: «${claim.text}» → «${match.claim.text}» (${match.similarity.toFixed(2)})`);
      }
    }
  return { articles: articles.length, sameStory, otherStories };
}
