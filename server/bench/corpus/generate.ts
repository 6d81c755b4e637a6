import { codePointIndex } from '../../src/core/anchoring/text-quote.js';
import { DatePrecision } from '../../src/core/dates/precision.js';
import { ReviewStatus } from '../../src/core/review/status.js';
import type { ClaimInput, ClaimLinkState } from '../../src/modules/claims/claim.entity.js';
import { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from '../../src/modules/claims/claims.enums.js';
import { EntityKind } from '../../src/modules/entities/entities.enums.js';
import type { EntityInput } from '../../src/modules/entities/entity.entity.js';
import type { EventInput } from '../../src/modules/events/event.entity.js';
import { EventModality, ParticipantRole } from '../../src/modules/events/events.enums.js';
import type { SourceInput } from '../../src/modules/sources/source.entity.js';
import { PublicationDateBasis, Reliability, SourceKind } from '../../src/modules/sources/sources.enums.js';
import { Random } from './random.js';
import * as words from './vocabulary.js';

export interface CorpusSize {
  sources: number;
  claims: number;
  events: number;
  entities: number;
}

/** What issue #7 asks the benchmark to run on. */
export const FULL_CORPUS: CorpusSize = { sources: 10_000, claims: 200_000, events: 50_000, entities: 20_000 };
/** Small enough for CI, with every shape of record the full corpus has. */
export const SMOKE_CORPUS: CorpusSize = { sources: 60, claims: 1_200, events: 300, entities: 300 };

export const CORPUS_SEED = 7;

/** Where a record's review ends up; the loader writes the workflow's revisions that lead there. */
export type FinalStatus = ReviewStatus.DRAFT | ReviewStatus.IN_REVIEW | ReviewStatus.VERIFIED | ReviewStatus.RETRACTED;

export interface GeneratedEntity {
  id: string;
  createdAt: Date;
  /** The fields the generator makes up; the others keep their empty values. */
  fields: Pick<EntityInput, 'name' | 'kind' | 'aliases' | 'description' | 'externalIds'>;
}

export interface GeneratedSource {
  id: string;
  createdAt: Date;
  /** The fields the generator makes up; the others keep their empty values. */
  fields: Pick<
    SourceInput,
    | 'title'
    | 'url'
    | 'publisher'
    | 'author'
    | 'publishedAt'
    | 'publishedPrecision'
    | 'publishedBasis'
    | 'publishedNote'
    | 'language'
    | 'kind'
    | 'reliability'
    | 'reliabilityNote'
  >;
  text: string;
  textRevisionId: string;
}

/** Words an editor selected in a source's text, as the API takes them: the quote and its code point positions. */
export interface GeneratedQuote {
  id: string;
  createdAt: Date;
  exact: string;
  start: number;
  end: number;
}

export interface GeneratedEvent {
  id: string;
  createdAt: Date;
  /** The fields the generator makes up; the others keep their empty values. */
  fields: Pick<
    EventInput,
    | 'title'
    | 'typeCode'
    | 'summary'
    | 'startDate'
    | 'startPrecision'
    | 'endDate'
    | 'endPrecision'
    | 'timeExpression'
    | 'placeId'
    | 'parentId'
    | 'modality'
  >;
  participants: Array<{ entityId: string; role: ParticipantRole }>;
  status: FinalStatus;
  evidence: GeneratedQuote[];
}

export interface GeneratedClaim {
  id: string;
  createdAt: Date;
  /** The fields the generator makes up; the others keep their empty values. */
  fields: Pick<ClaimInput, 'text' | 'claimantId' | 'claimantLabel' | 'attribution' | 'modality' | 'credibility' | 'rank'>;
  eventIds: string[];
  entityIds: string[];
  links: ClaimLinkState[];
  status: FinalStatus;
  evidence: GeneratedQuote[];
}

/** A source with everything quoting it: the unit the loader writes in one go. */
export interface SourceBundle {
  source: GeneratedSource;
  events: GeneratedEvent[];
  claims: GeneratedClaim[];
}

export interface Corpus {
  size: CorpusSize;
  entities: GeneratedEntity[];
  bundles(): Generator<SourceBundle>;
}

/** What the text generator knows of an entity beyond its record. */
interface Known {
  id: string;
  name: string;
  kind: EntityKind;
  state?: (typeof words.STATES)[number];
  surname?: string;
  city?: string;
}

interface Statement {
  sentence: string;
  claimText: string;
  claimant: { id: string } | { label: string };
  attribution: Attribution;
  modality: ClaimModality;
  about: string[];
}

const DAY = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FIRST_RECORD = Date.UTC(2021, 0, 4, 6, 0, 0);
const CORPUS_SPAN = 3 * 365 * DAY;
const EVENT_TYPES_FOR: Record<string, string[]> = {
  visit: ['VISIT'],
  meeting: ['MEETING'],
  deal: ['AGREEMENT', 'ENERGY_DEAL'],
  arms: ['ARMS_TRADE'],
  exercise: ['MILITARY_EXERCISE'],
  statement: ['STATEMENT'],
  forum: ['CONFERENCE'],
  election: ['ELECTION'],
  proposal: ['PROPOSAL'],
};

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const fill = (template: string, slots: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? `{${key}}`);

/** The Monday of the ISO week of a day, as a WEEK-precision date must be. */
function mondayOf(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return ms - ((day + 6) % 7) * DAY;
}

function statusOf(random: Random): FinalStatus {
  const roll = random.next();
  if (roll < 0.88) return ReviewStatus.VERIFIED;
  if (roll < 0.91) return ReviewStatus.RETRACTED;
  if (roll < 0.94) return ReviewStatus.IN_REVIEW;
  return ReviewStatus.DRAFT;
}

/** Spreads `total` over `parts` as evenly as whole numbers allow. */
const share = (total: number, parts: number, index: number) =>
  Math.floor(((index + 1) * total) / parts) - Math.floor((index * total) / parts);

function generateEntities(random: Random, count: number): { records: GeneratedEntity[]; known: Known[] } {
  const records: GeneratedEntity[] = [];
  const known: Known[] = [];
  const names = new Set<string>();
  const add = (kind: EntityKind, name: string, aliases: string[], description: string, extra: Partial<Known> = {}) => {
    const id = random.uuid();
    names.add(name);
    const externalIds: Record<string, string> = random.chance(0.3) ? { wikidata: `Q${random.int(100, 99_999_999)}` } : {};
    records.push({
      id,
      createdAt: new Date(FIRST_RECORD - (count - records.length) * 1000),
      fields: { name, kind, aliases: [...new Set(aliases.filter((alias) => alias !== name))], description, externalIds },
    });
    known.push({ id, name, kind, ...extra });
  };
  const unique = (make: () => string): string | null => {
    for (let tries = 0; tries < 50; tries++) {
      const name = make();
      if (!names.has(name)) return name;
    }
    return null;
  };

  for (const state of words.STATES.slice(0, Math.max(4, Math.min(words.STATES.length, Math.floor(count / 20))))) {
    add(
      EntityKind.STATE,
      state.name.replace(/^the /, ''),
      [state.capital, `the ${state.adjective} government`],
      `A state; its government sits in ${state.capital}.`,
      { state },
    );
  }
  const places = Math.floor(count * 0.18);
  const organisations = Math.floor(count * 0.25);
  const people = count - records.length - places - organisations;
  for (let i = 0; i < places; i++) {
    const city = random.skewed(words.CITIES, 1.6);
    const name = unique(() =>
      capitalise(fill(random.pick(words.PLACE_FORMS), { city: random.skewed(words.CITIES, 1.6) })).replace(/^The /, ''),
    );
    if (name) add(EntityKind.PLACE, name, [], `A place named in regional reporting.`, { city: name.includes(city) ? city : name });
  }
  for (let i = 0; i < organisations; i++) {
    const state = random.skewed(words.STATES);
    const other = random.pick(words.STATES);
    const name = unique(() =>
      random.chance(0.6)
        ? fill(random.pick(words.ORG_FORMS), {
            adjective: state.adjective,
            adjective2: other.adjective,
            city: random.pick(words.CITIES),
          }).replace(/^the /, '')
        : `${random.pick(words.ORG_PREFIXES)}${random.pick(words.ORG_NOUNS).toLowerCase().replace(/ .*/, '')} ${random.pick(words.ORG_NOUNS)}`,
    );
    if (!name) continue;
    const acronym = name
      .split(/[\s-]+/)
      .filter((word) => /^[A-Z]/.test(word))
      .map((word) => word[0])
      .join('');
    add(EntityKind.ORGANIZATION, name, acronym.length > 1 ? [acronym] : [], `An organisation based in ${state.name}.`, { state });
  }
  for (let i = 0; records.length < count && i < people * 3; i++) {
    const group = random.next();
    const state = group < 0.4 ? words.STATES[0]! : group < 0.7 ? words.STATES[1]! : random.pick(words.STATES);
    let surname = '';
    const name = unique(() => {
      if (state === words.STATES[0]) {
        const parts = Array.from({ length: random.int(2, 3) }, () => random.skewed(words.BURMESE_SYLLABLES, 1.4));
        surname = parts.at(-1)!;
        return parts.join(' ');
      }
      const [first, last] = state === words.STATES[1] ? [words.RUSSIAN_FIRST, words.RUSSIAN_LAST] : [words.OTHER_FIRST, words.OTHER_LAST];
      surname = random.skewed(last, 1.5);
      return `${random.pick(first)} ${surname}`;
    });
    if (!name) continue;
    const title = random.pick(words.TITLES);
    const role = fill(random.pick(words.ROLES), {
      state: state.name,
      adjective: state.adjective,
      other: random.pick(words.STATES).name,
      org: 'a state company',
      city: random.pick(words.CITIES),
    });
    add(EntityKind.PERSON, name, [`${title} ${name}`, surname], capitalise(`${role}.`), { state, surname });
  }
  return { records, known };
}

/**
 * The corpus for a size and a seed: entities first (everything names them), then one bundle per source, each an
 * article of several kilobytes with the events and claims an editor would draw from it, every one anchored to
 * words of that text. Generated lazily, so the loader can write one batch while the next is being made.
 */
export function generateCorpus(size: CorpusSize, seed = CORPUS_SEED): Corpus {
  const random = new Random(seed);
  const { records, known } = generateEntities(random, size.entities);
  const byKind = (kind: EntityKind) => known.filter((entity) => entity.kind === kind);
  const states = byKind(EntityKind.STATE);
  const people = byKind(EntityKind.PERSON);
  const organisations = byKind(EntityKind.ORGANIZATION);
  const places = byKind(EntityKind.PLACE);
  const spacing = CORPUS_SPAN / size.sources;

  function* bundles(): Generator<SourceBundle> {
    for (let index = 0; index < size.sources; index++) {
      yield generateBundle(random, index, {
        start: FIRST_RECORD + index * spacing,
        claims: share(size.claims, size.sources, index),
        events: share(size.events, size.sources, index),
        states,
        people,
        organisations,
        places,
      });
    }
  }
  return { size, entities: records, bundles };
}

interface BundlePlan {
  start: number;
  claims: number;
  events: number;
  states: Known[];
  people: Known[];
  organisations: Known[];
  places: Known[];
}

function generateBundle(random: Random, index: number, plan: BundlePlan): SourceBundle {
  const [stateA, stateB] = random.sample(plan.states, 2, (list) => random.skewed(list, 1.8)) as [Known, Known];
  const a = stateA.state!;
  const b = stateB.state!;
  const cast = random.sample(plan.people, 5, (list) => random.skewed(list));
  const orgs = random.sample(plan.organisations, 3, (list) => random.skewed(list));
  const sites = random.sample(plan.places, 3, (list) => random.skewed(list));
  const city = () => random.pick(sites).city ?? random.pick(words.CITIES);
  const published = plan.start - random.int(0, 2) * DAY;
  const year = new Date(published).getUTCFullYear();
  const forum = random.pick(words.FORUMS);
  const topic = random.pick(words.TOPICS);
  const slots = {
    A: a.name,
    B: b.name,
    adjA: a.adjective,
    adjB: b.adjective,
    capitalA: a.capital,
    capitalB: b.capital,
    topic,
    forum,
    region: random.pick(words.REGIONS),
    year: String(random.int(1948, 2005)),
    org: orgs[0]?.name ?? 'foreign ministry',
  };
  const author = "the article's author (unnamed)";
  let clock = plan.start + 60_000;
  const nextTime = () => new Date((clock += 1000 + random.int(0, 900)));

  // Events first: the article tells them, and claims are about them.
  const events: Array<GeneratedEvent & { sentence: string }> = [];
  for (let i = 0; i < plan.events; i++) {
    const kind = random.pick(Object.keys(EVENT_TYPES_FOR));
    const person = random.pick(cast);
    const other = random.pick(cast.filter((p) => p !== person)) ?? person;
    const place = random.pick(sites);
    const where = place.city ?? place.name;
    const when = random.next();
    let startDate: string;
    let precision: DatePrecision;
    let expression: string;
    if (when < 0.35) {
      startDate = isoDay(mondayOf(published - 7 * DAY));
      precision = DatePrecision.WEEK;
      expression = 'last week';
    } else if (when < 0.6) {
      const day = published - random.int(1, 20) * DAY;
      startDate = isoDay(day);
      precision = DatePrecision.DAY;
      expression = `on ${new Date(day).getUTCDate()} ${MONTHS[new Date(day).getUTCMonth()]}`;
    } else if (when < 0.85) {
      const month = new Date(published);
      startDate = isoDay(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - 1, 1));
      precision = DatePrecision.MONTH;
      expression = 'a month earlier';
    } else {
      const past = year - random.int(1, 6);
      startDate = `${past}-01-01`;
      precision = DatePrecision.YEAR;
      expression = `in ${past}`;
    }
    const modality =
      kind === 'election'
        ? EventModality.PLANNED
        : random.chance(0.08)
          ? EventModality.EXPECTED
          : random.chance(0.04)
            ? EventModality.ALLEGED
            : EventModality.OCCURRED;
    const story = {
      visit: () => ({
        title: `${person.name} visits ${where}`,
        sentence: `By far the most important event was the visit of ${person.name} to ${where} ${expression}.`,
        roles: [[person, ParticipantRole.AGENT]],
      }),
      meeting: () => ({
        title: `${person.name} meets ${other.name} in ${where}`,
        sentence: `${person.name} met ${other.name} in ${where} ${expression}, the ${a.adjective} state news agency reported.`,
        roles: [
          [person, ParticipantRole.AGENT],
          [other, ParticipantRole.PARTICIPANT],
        ],
      }),
      deal: () => ({
        title: `${orgs[0]?.name ?? a.name} and ${orgs[1]?.name ?? b.name} sign a memorandum on ${topic}`,
        sentence: `${capitalise(orgs[0]?.name ?? a.name)} and ${orgs[1]?.name ?? b.name} signed a memorandum of understanding on ${topic} ${expression}.`,
        roles: [
          [orgs[0] ?? stateA, ParticipantRole.AGENT],
          [orgs[1] ?? stateB, ParticipantRole.AGENT],
        ],
      }),
      arms: () => ({
        title: `${a.name} buys ${random.pick(words.WEAPONS)} from ${b.name}`,
        sentence: `${capitalise(a.name)} agreed ${expression} to buy ${random.pick(words.WEAPONS)} from ${b.name}, according to a military source.`,
        roles: [
          [stateA, ParticipantRole.AGENT],
          [stateB, ParticipantRole.PARTICIPANT],
        ],
      }),
      exercise: () => {
        const name = `${random.pick(words.EXERCISES)}-${year}`;
        return {
          title: `${name} military exercises`,
          sentence: `${capitalise(a.adjective)} troops took part in the ${name} strategic exercises ${expression}, alongside forces from ${b.name}.`,
          roles: [
            [stateA, ParticipantRole.PARTICIPANT],
            [stateB, ParticipantRole.HOST],
          ],
        };
      },
      statement: () => ({
        title: `${person.name} addresses ${forum}`,
        sentence: `Speaking at ${forum} ${expression}, ${person.name} called for closer ${topic} with ${b.name}.`,
        roles: [[person, ParticipantRole.AGENT]],
      }),
      forum: () => ({
        title: `${capitalise(forum.replace(/^the /, ''))} ${year}`,
        sentence: `${capitalise(forum)} opened in ${where} ${expression}, with delegations from ${a.name} and ${b.name}.`,
        roles: [
          [stateA, ParticipantRole.PARTICIPANT],
          [stateB, ParticipantRole.PARTICIPANT],
        ],
      }),
      election: () => ({
        title: `${capitalise(a.adjective)} general election`,
        sentence: `The authorities in ${a.capital} say they will hold elections next year, a plan ${b.name} has said it supports.`,
        roles: [[stateA, ParticipantRole.HOST]],
      }),
      proposal: () => ({
        title: `${person.name} proposes a consulate in ${where}`,
        sentence: `${person.name} asked ${b.name} ${expression} to open a consulate in ${where}, a senior diplomat said.`,
        roles: [
          [person, ParticipantRole.AGENT],
          [stateB, ParticipantRole.TARGET],
        ],
      }),
    }[kind]!();
    const participants = new Map<string, { entityId: string; role: ParticipantRole }>();
    for (const [entity, role] of story.roles as Array<[Known, ParticipantRole]>)
      participants.set(`${entity.id}/${role}`, { entityId: entity.id, role });
    const parent = events.length > 0 && random.chance(0.1) ? events[0]!.id : null;
    events.push({
      id: random.uuid(),
      createdAt: nextTime(),
      fields: {
        title: story.title,
        typeCode: random.pick(EVENT_TYPES_FOR[kind]!),
        summary: random.chance(0.8) ? story.sentence.replace(/ (last week|a month earlier|on \d+ \w+|in \d{4})(?=[ ,.])/, '') : null,
        startDate: kind === 'election' ? null : startDate,
        startPrecision: kind === 'election' ? null : precision,
        endDate: null,
        endPrecision: null,
        timeExpression: kind === 'election' ? 'next year' : expression,
        placeId: ['visit', 'meeting', 'forum', 'proposal'].includes(kind) ? place.id : null,
        parentId: parent,
        modality,
      },
      participants: [...participants.values()].sort((x, y) => x.entityId.localeCompare(y.entityId) || x.role.localeCompare(y.role)),
      status: statusOf(random),
      evidence: [],
      sentence: story.sentence,
    });
  }

  const statement = (): Statement => {
    const p = random.pick(cast);
    const q = random.pick(cast);
    const label = random.pick(words.UNNAMED.filter((name) => name !== author));
    const issue = random.pick(words.ISSUES);
    const commodity = random.pick(words.COMMODITIES);
    const quote = fill(random.pick(words.QUOTES), slots);
    const templates: Array<() => Statement> = [
      () => ({
        sentence: `According to ${label}, ${a.name} and ${b.name} were in agreement on ${issue}.`,
        claimText: `${capitalise(a.name)} and ${b.name} agree on ${issue}.`,
        claimant: { label },
        attribution: Attribution.REPORTED_SPEECH,
        modality: ClaimModality.ASSERTED,
        about: [stateA.id, stateB.id],
      }),
      () => ({
        sentence: `${p.name} called ${a.name} “${quote}”.`,
        claimText: `${p.name} described ${a.name} as ${quote.replace(/^our /, 'his country’s ')}.`,
        claimant: { id: p.id },
        attribution: Attribution.DIRECT_QUOTE,
        modality: ClaimModality.ASSERTED,
        about: [p.id, stateA.id],
      }),
      () => ({
        sentence: `He said he was satisfied that the relationship was “${random.pick(['evolving in a positive way', 'reaching a new level', 'stronger than ever'])}”.`,
        claimText: `${p.name} said he was satisfied with how relations between ${a.name} and ${b.name} were developing.`,
        claimant: { id: p.id },
        attribution: Attribution.DIRECT_QUOTE,
        modality: ClaimModality.ASSERTED,
        about: [stateA.id, stateB.id],
      }),
      () => ({
        sentence: `The ${commodity} deal may be an indication that ${a.name} is seeking to reduce its dependence on ${random.pick(words.STATES).name}.`,
        claimText: `${capitalise(a.name)} may be seeking to reduce its dependence on other suppliers of ${commodity}.`,
        claimant: { label: author },
        attribution: Attribution.AUTHOR_ASSERTION,
        modality: ClaimModality.SPECULATIVE,
        about: [stateA.id],
      }),
      () => ({
        sentence: `The first deliveries of ${b.adjective} ${commodity} are expected later this month, ${p.name} said.`,
        claimText: `${p.name} said the first ${b.adjective} ${commodity} deliveries to ${a.name} were expected within the month.`,
        claimant: { id: p.id },
        attribution: Attribution.REPORTED_SPEECH,
        modality: ClaimModality.EXPECTED,
        about: [stateA.id, stateB.id],
      }),
      () => ({
        sentence: `${p.name} denied that ${b.name} had supplied ${random.pick(words.WEAPONS)} to the ${a.adjective} military.`,
        claimText: `${p.name} denied that ${b.name} supplied weapons to the ${a.adjective} military.`,
        claimant: { id: p.id },
        attribution: Attribution.REPORTED_SPEECH,
        modality: ClaimModality.DENIED,
        about: [stateA.id, stateB.id],
      }),
      () => ({
        sentence: `${capitalise(a.name)} appears to have quietly expanded its ${topic} with ${b.name}, although details remain scarce.`,
        claimText: `${capitalise(a.name)} has probably expanded its ${topic} with ${b.name}.`,
        claimant: { label: author },
        attribution: Attribution.AUTHOR_ASSERTION,
        modality: ClaimModality.HEDGED,
        about: [stateA.id, stateB.id],
      }),
      () => ({
        sentence: `Since ${a.adjective === 'Myanmar' ? 'Myanmar’s' : `the ${a.adjective}`} government came under sanctions, ${a.capital} and ${b.capital} have grown closer in the face of international condemnation.`,
        claimText: `${capitalise(a.name)} and ${b.name} have grown closer under international sanctions.`,
        claimant: { label: author },
        attribution: Attribution.AUTHOR_ASSERTION,
        modality: ClaimModality.ASSERTED,
        about: [stateA.id, stateB.id],
      }),
      () => ({
        sentence: `Although this is his ${random.pick(words.ORDINALS)} trip to ${b.name} since he took power, it was the first time ${p.name} could meet ${q.name} in person.`,
        claimText: `${p.name} met ${q.name} in person for the first time.`,
        claimant: { label: author },
        attribution: Attribution.AUTHOR_ASSERTION,
        modality: ClaimModality.ASSERTED,
        about: [p.id, q.id],
      }),
      () => ({
        sentence: `${q.name} said ${b.name} supported the government’s efforts to “stabilize” the country and hold elections next year.`,
        claimText: `${q.name} said ${b.name} supports ${a.name}'s plan to hold elections.`,
        claimant: { id: q.id },
        attribution: Attribution.REPORTED_SPEECH,
        modality: ClaimModality.ASSERTED,
        about: [q.id, stateA.id, stateB.id],
      }),
      () => ({
        sentence: `${capitalise(a.name)} is the only country in ${slots.region} to have openly endorsed the position of ${b.name}.`,
        claimText: `${capitalise(a.name)} is alone in its region in openly endorsing ${b.name}'s position.`,
        claimant: { label: author },
        attribution: Attribution.AUTHOR_ASSERTION,
        modality: ClaimModality.ASSERTED,
        about: [stateA.id, stateB.id],
      }),
      () => ({
        sentence: `${capitalise(orgs[1]?.name ?? b.name)} will help build a ${random.pick(['small nuclear power plant', 'gas-fired power station', 'oil refinery', 'deep-sea port'])} near ${city()}, ${label} said.`,
        claimText: `${capitalise(orgs[1]?.name ?? b.name)} will help ${a.name} build new energy infrastructure.`,
        claimant: { label },
        attribution: Attribution.REPORTED_SPEECH,
        modality: ClaimModality.EXPECTED,
        about: [orgs[1]?.id ?? stateB.id, stateA.id],
      }),
    ];
    return random.pick(templates)();
  };

  // Claims, each from a sentence of its own, some about the events, a few linked to an earlier claim.
  const claims: Array<GeneratedClaim & { sentences: string[] }> = [];
  for (let i = 0; i < plan.claims; i++) {
    const about = events.length > 0 && random.chance(0.6) ? [random.pick(events)] : [];
    if (about.length > 0 && random.chance(0.15)) about.push(random.pick(events));
    const said =
      about.length > 0 && random.chance(0.35)
        ? {
            sentence: about[0]!.sentence,
            claimText: `${about[0]!.fields.title}${about[0]!.fields.timeExpression ? ` (${about[0]!.fields.timeExpression})` : ''}.`,
            claimant: { label: author },
            attribution: Attribution.AUTHOR_ASSERTION,
            modality: ClaimModality.ASSERTED,
            about: about[0]!.participants.map((p) => p.entityId),
          }
        : statement();
    const sentences = [said.sentence];
    if (random.chance(0.25)) sentences.push(about[0]?.sentence ?? statement().sentence);
    const links: ClaimLinkState[] = [];
    if (claims.length > 0 && random.chance(0.05))
      links.push({ type: random.pick(Object.values(ClaimLinkType)), toClaimId: random.pick(claims).id });
    const rank = random.next();
    claims.push({
      id: random.uuid(),
      createdAt: nextTime(),
      fields: {
        text: said.claimText,
        claimantId: 'id' in said.claimant ? said.claimant.id : null,
        claimantLabel: 'label' in said.claimant ? said.claimant.label : null,
        attribution: said.attribution,
        modality: said.modality,
        credibility: random.chance(0.8) ? random.int(1, 6) : null,
        rank: rank < 0.9 ? ClaimRank.NORMAL : rank < 0.96 ? ClaimRank.PREFERRED : ClaimRank.DEPRECATED,
      },
      eventIds: [...new Set(about.map((event) => event.id))].sort(),
      entityIds: [...new Set(said.about)].sort(),
      links,
      status: statusOf(random),
      evidence: [],
      sentences: [...new Set(sentences)],
    });
  }

  // The article: every quoted sentence, then background until it is article length, in paragraphs of one to three.
  const quoted = [...new Set([...events.map((event) => event.sentence), ...claims.flatMap((claim) => claim.sentences)])];
  const sentences = [...quoted];
  const targetLength = random.int(3000, 7000);
  for (let length = sentences.join(' ').length; length < targetLength;) {
    const filler = fill(random.pick(words.FILLER), slots);
    sentences.push(filler);
    length += filler.length + 1;
  }
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const take = random.int(1, 3);
    paragraphs.push(sentences.slice(i, i + take).join(' '));
    i += take;
  }
  // As published: a paragraph printed twice, and page furniture around the article.
  if (random.chance(0.3)) paragraphs.splice(random.int(1, paragraphs.length), 0, random.pick(paragraphs));
  const title = fill(random.pick(words.HEADLINES), { ...slots, P: cast[0]?.name ?? a.name, city: city() });
  const text = [
    title,
    random.chance(0.5) ? '0' : null,
    ...paragraphs,
    random.pick(words.FURNITURE),
    `${year}/${random.int(1, 400)}`,
    random.chance(0.5) ? 'Comments are closed.' : null,
  ]
    .filter((part): part is string => part !== null)
    .join('\n\n');

  // Code points are code units unless the text holds surrogate pairs; counting them is the slow part of a quote.
  const pointAt = /[\uD800-\uDFFF]/.test(text) ? (unit: number) => codePointIndex(text, unit) : (unit: number) => unit;
  const quoteOf = (sentence: string, createdAt: Date, order: number): GeneratedQuote => {
    const startUnit = text.indexOf(sentence);
    const endUnit = startUnit + sentence.length - (random.chance(0.5) ? 0 : 1);
    return {
      id: random.uuid(),
      createdAt: new Date(createdAt.getTime() + order + 1),
      exact: text.slice(startUnit, endUnit),
      start: pointAt(startUnit),
      end: pointAt(endUnit),
    };
  };
  for (const event of events) event.evidence.push(quoteOf(event.sentence, event.createdAt, 0));
  for (const claim of claims) claim.sentences.forEach((sentence, i) => claim.evidence.push(quoteOf(sentence, claim.createdAt, i)));

  const publisher = random.pick(words.PUBLISHERS);
  const precisionRoll = random.next();
  const precision =
    precisionRoll < 0.7 ? DatePrecision.DAY : precisionRoll < 0.85 ? DatePrecision.MONTH : precisionRoll < 0.9 ? DatePrecision.YEAR : null;
  const day = new Date(published);
  const publishedAt =
    precision === DatePrecision.DAY
      ? isoDay(published)
      : precision === DatePrecision.MONTH
        ? isoDay(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1))
        : precision === DatePrecision.YEAR
          ? `${day.getUTCFullYear()}-01-01`
          : null;
  const stated = random.chance(0.6);
  const kindRoll = random.next();
  const source: GeneratedSource = {
    id: random.uuid(),
    createdAt: new Date(plan.start),
    textRevisionId: random.uuid(),
    text,
    fields: {
      title,
      url: random.chance(0.6)
        ? `https://${publisher.toLowerCase().replace(/[^a-z]+/g, '-')}.example/${year}/${index}-${title
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .slice(0, 60)}`
        : null,
      publisher: random.chance(0.7) ? publisher : null,
      author: random.chance(0.5) ? random.pick(words.AUTHORS) : null,
      publishedAt,
      publishedPrecision: publishedAt ? precision : null,
      publishedBasis: publishedAt ? (stated ? PublicationDateBasis.STATED : PublicationDateBasis.INFERRED_FROM_CONTENT) : null,
      publishedNote: publishedAt && !stated ? 'No date is printed; inferred from the events the text calls recent.' : null,
      language: 'en',
      kind:
        kindRoll < 0.7
          ? SourceKind.NEWS_ARTICLE
          : kindRoll < 0.8
            ? SourceKind.OFFICIAL_STATEMENT
            : kindRoll < 0.85
              ? SourceKind.TRANSCRIPT
              : kindRoll < 0.95
                ? SourceKind.REPORT
                : SourceKind.OTHER,
      reliability: random.chance(0.85)
        ? random.skewed([Reliability.C, Reliability.B, Reliability.D, Reliability.A, Reliability.E, Reliability.F], 1.5)
        : null,
      reliabilityNote: random.chance(0.3) ? 'Publisher known; the account matches other reporting of the same events.' : null,
    },
  };
  return {
    source,
    events: events.map(({ sentence: _sentence, ...event }) => event),
    claims: claims.map(({ sentences: _sentences, ...claim }) => claim),
  };
}
