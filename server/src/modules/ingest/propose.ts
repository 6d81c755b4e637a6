import nlp from 'compromise';

import { DatePrecision, startOfPeriod } from '../../core/dates/precision.js';
import type { TextBlock } from '../../core/text/blocks.js';
import { Attribution, ClaimModality } from '../claims/claims.enums.js';
import { EventModality, ParticipantRole } from '../events/events.enums.js';
import { Discourse, maskQuotes, titleCase, VERDICT_THAT } from './attribution.js';
import { clauseOf } from './clause.js';
import {
  ATTACK,
  COURT_RULING,
  datesSaying,
  DISASTER,
  ELECTION_HELD,
  type Frame,
  framesIn,
  LABOUR_ACTION,
  NAMED_CONFERENCE,
  notDone,
  pairIn,
  type PastAct,
  pastActs,
  RULING,
  SAYING,
  SUMMIT_OF_MEMBERS,
  WITHDRAWAL,
} from './frames.js';
import { Gazetteer, type Mention, unknownNamesIn } from './gazetteer.js';
import { triggersIn } from './lexicon.js';
import { Offices } from './offices.js';
import { quotationsOverParagraphs, type Sentence, sentencesOf } from './sentences.js';
import {
  ABOUT_TO,
  coarser,
  DATED_DATELINE,
  datelineDate,
  type KnownDate,
  looksAhead,
  type TimeExpression,
  timeExpressionsIn,
} from './time-expressions.js';

/**
 * Draft claims, events and new names read off a text by patterns an editor would recognise: quotes with their
 * speaker, reported speech, hedged and speculative wording, dated happenings. Every proposal carries the span
 * of the text it rests on; none is more than a draft until an editor accepts it and a reviewer verifies it.
 */
export interface Span {
  start: number;
  end: number;
}

export interface ClaimProposal {
  text: string;
  claimantId: string | null;
  claimantLabel: string | null;
  attribution: Attribution;
  modality: ClaimModality;
  entityIds: string[];
  /** The event proposed from the same sentence, by index, if any. */
  event: number | null;
  span: Span;
}

/** Someone taking part: an entity the store knows, or a name new to it, proposed as a label (as a claimant may be). */
export type ProposedParticipant =
  { entityId: string; label?: undefined; role: ParticipantRole } | { entityId?: undefined; label: string; role: ParticipantRole };

export interface EventProposal {
  title: string;
  type: string;
  start: KnownDate;
  timeExpression: string;
  modality: EventModality;
  placeId: string | null;
  participants: ProposedParticipant[];
  span: Span;
}

/**
 * While the text is read, a participant new to the store stands under a key of its own beside the entities' ids,
 * so every rule that compares participants compares both alike; no entity's id begins so.
 */
const NEW_NAME = 'new-name:';
const asProposed = (p: Actor): ProposedParticipant =>
  p.entityId.startsWith(NEW_NAME) ? { label: p.entityId.slice(NEW_NAME.length), role: p.role } : p;

/** The entities among the participants: what stored records can share with a proposal. */
export const entityIdsOf = (participants: readonly ProposedParticipant[]): string[] =>
  participants.flatMap((p) => (p.entityId === undefined ? [] : [p.entityId]));

interface Actor {
  entityId: string;
  role: ParticipantRole;
}
type Draft = Omit<EventProposal, 'participants'> & { participants: Actor[] };

export interface NameProposal {
  name: string;
  occurrences: number;
  /** Its first occurrence. */
  span: Span;
}

export interface Proposals {
  claims: ClaimProposal[];
  events: EventProposal[];
  names: NameProposal[];
}

export interface ProposalContext {
  gazetteer: Gazetteer;
  /** When the source was published, to resolve "last week"; without it, only absolute dates are read. */
  publication: KnownDate | null;
  /** The event types the store knows, by code. */
  eventTypes: ReadonlySet<string>;
  /** Who speaks when nobody is named: the source's author, or "the article's author". */
  authorLabel: string;
}

// "May" with a capital is the month ("first reported in May"); the modal is written in lower case within a sentence.
const SPECULATIVE = /\b(?:may|[Mm]ight|[Cc]ould|[Pp]resumably|[Ss]upposedly|[Pp]erhaps|[Pp]ossibly|[Ww]ould likely)\b/;
const HEDGED = /\b(reportedly|apparently|likely|appears?|seems?|allegedly|suggests?|believed to)\b/i;
const EXPECTED = new RegExp(
  `\\b(will|expected to|are expected|is expected|plans? to|due to|is to|are to|${ABOUT_TO}|later this month|next (year|month|week))\\b`,
  'i',
);
const DENIED = /\b(denied|denies|no \w+( \w+)? (have|has) been)\b/i;

/** Typed by these words, and by the lexicon's triggers (lexicon.ts), whichever stands nearer. */
const EVENT_TYPES: Array<[RegExp, string[]]> = [
  [new RegExp(COURT_RULING.source, 'i'), ['OTHER']],
  [new RegExp(WITHDRAWAL.source, 'iu'), ['OTHER']],
  [new RegExp(DISASTER.source, 'i'), ['OTHER']],
  [new RegExp(ATTACK.source, 'i'), ['OTHER']],
  [new RegExp(LABOUR_ACTION.source, 'iu'), ['OTHER']],
  [new RegExp(RULING.source, 'iu'), ['OTHER']],
  [/\b(overthrew|overthrow|seized power|putsch|coup d[’']état|ouster)\b/i, ['COUP']],
  [/\b(exercises?|drills?)\b/i, ['MILITARY_EXERCISE']],
  [/\b(games|competition)\b/i, ['MILITARY_COMPETITION', 'CONFERENCE']],
  [/\b(crude|oil|gas|nuclear|energy|reactor|Rosatom|deliveries)\b/i, ['ENERGY_DEAL', 'AGREEMENT']],
  [/\b(arms|weapons|fighter|helicopters|hardware)\b/i, ['ARMS_TRADE']],
  // "the 2012 polls": an election's polls, not an opinion poll's findings.
  [new RegExp(`${ELECTION_HELD.source}|\\bvote\\b|\\bpolls\\b(?! (?:show|suggest|found|indicate))`, 'iu'), ['ELECTION']],
  [
    /\b(signed|agreements?|memorand(?:ums?|a)|deal|treaty|accord|pact|agreed to (?:elevate|upgrade|raise|lift|establish))\b/i,
    ['AGREEMENT'],
  ],
  [/\b(visits?|visited|trip|stopover|travell?ed|travell?ing|travels?|arrived|arrives|arrival|at the invitation of)\b/i, ['VISIT']],
  [new RegExp(NAMED_CONFERENCE.source, 'u'), ['CONFERENCE']],
  [new RegExp(SUMMIT_OF_MEMBERS.source, 'i'), ['CONFERENCE']],
  // "spoke this evening with President Obama": a call with someone named, not a word to reporters.
  [/\b[Ss]poke(?: \w+){0,3} with (?:(?:the|his|her|their) )?(?=\p{Lu})/u, ['MEETING']],
  [
    /\b(meet|met|meets|meeting|meetings|talks|summit|hosted|conversation|discussions?|lunch|exchanges? (?:of views|between|with)|encounter|(?:courtesy|phone|telephone) call|telephone conversation)\b/iu,
    ['MEETING', 'CONFERENCE'],
  ],
  [/\b(forum|conference)\b/i, ['CONFERENCE']],
  [
    /\b(launched|established|set up|founded|created)\b|\bestablishment of (?:(?:formal|diplomatic|bilateral) )*(?:relations|ties)\b/i,
    ['ESTABLISHMENT'],
  ],
  [/\b(asked|proposed|suggested|requested)\b/i, ['PROPOSAL']],
  [/\b(said|called|announced|declared|praised|addressed the (?:nation|country|people))\b/i, ['STATEMENT']],
];

const PLACE_PREPOSITION = /\b(in|to|at|from|visit|visits|visited|visiting)\s+$/;
/**
 * A new name that can take part in a happening ends as a name does: "IST The", a time zone run into the next sentence's
 * article, ends in a function word, and "Kultaranta 2019" in a year, which names a gathering of that year, not someone.
 */
const endsAsAName = (name: string) => {
  const last = ((nlp(name).json()[0]?.terms ?? []) as Array<{ tags: string[] }>).at(-1);
  return last !== undefined && !['Determiner', 'Preposition', 'Conjunction', 'Value'].some((tag) => last.tags.includes(tag));
};

/** Words before a name that make it the place ("at the Nordic Forum") or what is spoken of, not someone taking part. */
const NOT_TAKING_PART = /\b(?:in|to|at|from|visit|visits|visited|visiting|on|about|of|over|regarding|concerning)\s+(?:the\s+)?$/i;

function modalityOf(sentence: string): ClaimModality {
  if (DENIED.test(sentence)) return ClaimModality.DENIED;
  if (SPECULATIVE.test(sentence)) return ClaimModality.SPECULATIVE;
  if (HEDGED.test(sentence)) return ClaimModality.HEDGED;
  if (EXPECTED.test(sentence)) return ClaimModality.EXPECTED;
  return ClaimModality.ASSERTED;
}

/**
 * The type whose words stand nearest the date ("his trip follows the meeting of the presidents held in September" is
 * the meeting); saying and asking only when nothing else happened, since "Trump said on Tuesday a summit meeting …"
 * dates the summit.
 */
function eventTypeOf(text: string, at: number, known: ReadonlySet<string>): string | null {
  let best: { code: string; distance: number; weak: boolean } | null = null;
  for (const [pattern, codes] of EVENT_TYPES) {
    const code = codes.find((c) => known.has(c));
    if (!code) continue;
    const weak = code === 'STATEMENT' || code === 'PROPOSAL';
    for (const m of text.matchAll(new RegExp(pattern.source, `g${pattern.flags.replace('g', '')}`))) {
      if (MEANS.test(text.slice(0, m.index)) || notDone(text, m.index, m[0].length)) continue;
      // The nearer edge of the words: "the 5th World Media Summit, to be held" is the summit's, not its first word's.
      const distance = Math.min(Math.abs(m.index! - at), Math.abs(m.index! + m[0].length - at));
      if (!best || (best.weak && !weak) || (best.weak === weak && distance < best.distance)) best = { code, distance, weak };
    }
  }
  for (const trigger of triggersIn(text)) {
    // A proposal is a weak reading, which the pattern above already gives.
    if (
      !known.has(trigger.type) ||
      trigger.type === 'PROPOSAL' ||
      MEANS.test(text.slice(0, trigger.index)) ||
      notDone(text, trigger.index, trigger.words.length)
    )
      continue;
    const distance = Math.min(Math.abs(trigger.index - at), Math.abs(trigger.index + trigger.words.length - at));
    if (!best || best.weak || distance < best.distance) best = { code: trigger.type, distance, weak: false };
  }
  return best?.code ?? null;
}

/**
 * "The prime ministers of Pakistan and Sri Lanka", "the top diplomats of the two countries": people named by the places
 * they serve. Returns those places, the holders of that office the text titled so, and whether the places are "the
 * two countries" (then the people are the two the text named most).
 */
function officesOfPlaces(
  outside: string,
  mentions: Mention[],
  offices: Offices,
): { places: Set<string>; holders: string[]; pairOfPeople: boolean } {
  const places = new Set<string>();
  const holders: string[] = [];
  let pairOfPeople = false;
  // "The prime ministers of Pakistan and Sri Lanka", "Ministers of Foreign Affairs of Mongolia and China".
  for (const m of outside.matchAll(
    /\b((?:[\p{Ll}-]+\s+)?(\p{L}[\p{Ll}-]+)s)(?:\s+of\s+(?:\p{Lu}[\p{L}-]*\s+)*?\p{Lu}[\p{L}-]*)?\s+of\s+/gu,
  )) {
    const terms = (nlp(m[1]!).json()[0]?.terms ?? []) as Array<{ text: string; tags: string[] }>;
    const noun = terms.at(-1);
    if (!noun?.tags.includes('Actor') || !noun.tags.includes('Plural') || noun.text === 'people') continue;
    const office = `${terms.length > 1 && !terms[0]!.tags.includes('Determiner') ? `${terms[0]!.text} ` : ''}${m[2]!}`;
    let at = m.index! + m[0].length;
    if (/^(?:the two|both) (?:countries|nations|states|sides)\b/i.test(outside.slice(at))) pairOfPeople = true;
    for (const place of mentions.filter((q) => q.entity.kind !== 'PERSON' && q.index >= at)) {
      if (!/^(?:\s*(?:,|and|, and)?\s*(?:the\s+)?)$/.test(outside.slice(at, place.index))) break;
      places.add(place.entity.id);
      const holder = offices.holderOf(office, place.entity.id);
      if (holder && !holders.includes(holder.id)) holders.push(holder.id);
      at = place.index + place.surface.length;
    }
  }
  return { places, holders, pairOfPeople };
}

/**
 * "China and the US signed": a place's name or a short form of it ("the US", "the UK", "the U.S." whose last stop the
 * gazetteer reads as the sentence's, unless a noun follows: "the U.S. president"), not its adjective ("Turkish President").
 */
const namesThePlace = (m: Mention, sentence: string) =>
  m.surface === m.entity.name ||
  // "the Russian Federation", "the Kingdom of Saudi Arabia": a state's formal name, never its adjective.
  /^\p{Lu}\S*\s.*\b(?:Federation|Republic|Kingdom|States|Union|Emirates|Commonwealth|Confederation|Sultanate|Principality|of)\b/u.test(
    m.surface,
  ) ||
  nlp(m.surface).has('^#Acronym$') ||
  (/^(?:\p{Lu}\.){1,3}\p{Lu}\.?$/u.test(m.surface) && !nlp(sentence.slice(m.index + m.surface.length).replace(/^\./, '')).has('^#Noun'));

/** People's happenings, whose participants are people; agreements and sanctions are between the places. */
const OF_PEOPLE = new Set(['MEETING', 'VISIT', 'CONFERENCE']);

/** "resolving the issues through talks": a happening named as the means of another is not one told. */
const MEANS = /\b(through|via|by means of)\s+(?:[\p{Ll}-]+\s+)?$/u;

/** "SEOUL, Nov. 1 (Yonhap) --", "MOSCOW—": the dateline's date is the report's, not a happening's. */
const DATELINE = /^\p{Lu}{3,}[\p{Lu} ]*(?:,[^()–—]{0,25}?)?\s*(?:\([^)]{0,80}\)\s*(?:--|–|—|-)?|--|–|—|-)/u;
/** The words before a dateline's dash: "Presidential Palace, Hanoi, Tuesday 15 March 2022 –", "COLOMBO (News 1st) –". */
const PLACE_LINE = /^([^–—.!?]{3,100}?)\s(?:–|—|--)\s/;
/** A verb in running text is written in lower case: "House" in "Customs House, Lisbon" is a name's word. */
const hasVerb = (text: string) =>
  ((nlp(text).json()[0]?.terms ?? []) as Array<{ text: string; tags: string[] }>).some(
    (t) => t.tags.includes('Verb') && /^\p{Ll}/u.test(t.text),
  );
const DURING =
  /\b(during|after|following|on the sidelines of|at the (?:end|close|conclusion) of) the (?:[\p{Ll}-]+ )?(meeting|talks|discussions|negotiations|summit|visit|trip)\b/iu;
/** "The meeting took place on Aug 15": a happening the text has already named, by its kind alone. */
const ALREADY_NAMED = /\b(the|this|that) (meeting|summit|talks|visit|trip|encounter|conversation|agreement|deal|signing)\b/i;

/** "the visiting dignitary", "the visiting president": the person on the visit the story opened with. */
const VISITOR = /\bthe visiting (?:[\p{Ll}-]+ )?(?:dignitary|leader|president|premier|prime minister|minister|guest|head of state)\b/iu;

/** "the bloc", "the alliance": a body of members, the organisation named last. */
const COLLECTIVE = /\bthe (?:[\p{L}-]+ )?(?:bloc|alliance|grouping)(?:['’]s)?\b/iu;

/** ", the Department of Foreign Affairs and Trade said.": a saying that closes the sentence, naming its source. */
const ATTRIBUTION_TAIL =
  /,\s+(?:[\p{L}'’.-]+\s+){0,8}(?:said|says|told|reported|added|stated)\b[^,]*(?:,\s+\p{Ll}+ing\b[^,]*)?[.!?]["”’)]?\s*$/u;

/** The words of a crowd's happening: protests, demonstrations, strikes, clashes, riots, rallies, a walk-out. */
const UNREST = /^(?:protest|demonstration|strike|clash|riot|rall|went on|gone on|go on|walk)/i;

const RULED = new RegExp(COURT_RULING.source, 'i');
/** "The court found that …": the court is the finding's speaker and also takes part in the ruling it tells. */
const FOUND_THAT = new RegExp(VERDICT_THAT.source);
/** "said that …", "announced that …": what follows is what was said, whose dates are not the saying's. */
/** "declared the “successful conclusion” of the meeting", "proclaimed a state of emergency": a formal act of saying, in the clause before a date. */
const DECLARED = /\b(?:declared|proclaimed)\s+(?!that\b|(?:it|him|her|them|himself|herself|itself)\b)[^,;.]{0,80}$/i;
const SAID_THAT = /\b(?:said|says|announced|declared|stated|added|noted)\s+(?:that\b|\w+\s+(?:will|would)\b)[^;]{5,}$/i;
/** "The death toll from the earthquake … rose to nearly 600 people": a count given on the day the sentence names. */
const TOLL =
  /\b(?:death toll|toll|number of (?:the )?(?:dead|deaths|people killed|casualties|victims))\b[^.;]{0,120}?\b(?:rose|climbed|jumped|reached|stood|increased|grew|hit)\b[^.;]{0,60}$/i;

/** "This was reported by local media.", "It was announced by the press service of the ministry.": who told the sentence before. */
const REPORTED_BY = /^(?:This|That|It) (?:was|has been|is) (?:reported|announced|stated|said|confirmed|disclosed) by ([^,;:]{2,80}?)\.$/;

/** A sentence the editor can turn into a claim: a full sentence with a verb's worth of words, not a headline. */
const isStatement = (sentence: Sentence) => /[.!?](?:’’|''|["”’)])?$/.test(sentence.text) && sentence.text.split(/\s+/).length >= 6;

/** A title on one line, however the page wrapped its words, cut at a word within `max` characters. */
const short = (raw: string, max: number) => {
  const text = raw.replace(/\s+/g, ' ');
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
};

/** A proposed event and how it was dated: by words of its own, or inferred (the story's time, a saying's day). */
interface Candidate {
  event: Draft;
  inferred: boolean;
  /** Dated by the day a speaker said it: the same happening told again by another voice. */
  saying: boolean;
  /** The sentence it was read from, and the words that named it. */
  sentence: string;
  words: string;
  /** Told as another happening of its kind ("also met"), never the same one told again. */
  distinct: boolean;
  /** Named as someone's ("Dissanayake's talks with Xi"): the same happening whatever the tense it is told in. */
  possessive: boolean;
}

const subset = (a: Actor[], b: Actor[]) => a.length > 0 && a.every((p) => b.some((q) => q.entityId === p.entityId));

/** "The first visit … this year" with nobody named: the visit of 13 February the text tells with its visitor. */
const within = (date: KnownDate, event: Draft) =>
  event.participants.length === 0 &&
  startOfPeriod(date.date, event.start.precision) === event.start.date &&
  date.precision !== event.start.precision;

/**
 * One event per happening: an event dated by inference is dropped when the text tells the same happening elsewhere
 * (same type; the same or a wider set of participants, or the same named conference; the same modality unless only
 * a saying dated it), as is one with nobody named dated by a period in which the text tells another of its kind;
 * whoever it named beside joins the one kept: "Ngirente received the minister" and then
 * "Pinto's discussions with Ngirente" are one meeting of the two.
 */
/**
 * "The United States on Wednesday imposed sanctions on Zarif" and then "The Treasury said it was imposing sanctions on
 * Zarif": a happening between states or bodies, told again on the same day with a party in common, is the same one.
 */
const sameDayParty = (c: Draft, d: Draft) =>
  !OF_PEOPLE.has(c.type) &&
  c.start.date === d.start.date &&
  c.start.precision === d.start.precision &&
  c.participants.some((p) => d.participants.some((q) => q.entityId === p.entityId));

/** "last week's presidential vote" and "last week's presidential election": a place holds one election at a time. */
const sameElection = (c: Draft, d: Draft) =>
  c.type === 'ELECTION' &&
  d.type === 'ELECTION' &&
  c.start.date === d.start.date &&
  c.start.precision === d.start.precision &&
  ((c.placeId !== null && c.placeId === d.placeId) || c.participants.some((p) => d.participants.some((q) => q.entityId === p.entityId)));

function oneEventPerHappening(candidates: Candidate[]): Candidate[] {
  const dropped = new Set<Candidate>();
  for (const c of candidates) {
    if ((!c.inferred && c.event.participants.length > 0 && c.event.type !== 'ELECTION') || c.distinct) continue;
    const same = candidates.find(
      (d, i) =>
        d !== c &&
        !dropped.has(d) &&
        d.event.type === c.event.type &&
        // OTHER holds happenings of every kind: a strike is not the barricade told before it, unless named by its word again.
        (c.event.type !== 'OTHER' || d.sentence.toLowerCase().includes(c.words.toLowerCase().replace(/(?:e?s|ed|ing)$/, ''))) &&
        (c.saying || (c.possessive && i < candidates.indexOf(c)) || d.event.modality === c.event.modality) &&
        (!d.inferred || i < candidates.indexOf(c)) &&
        // Of two elections told alike, the first told is kept, as it is where the story names the vote.
        (c.inferred || within(d.event.start, c.event) || (sameElection(c.event, d.event) && i < candidates.indexOf(c))) &&
        (within(d.event.start, c.event) ||
          sameElection(c.event, d.event) ||
          sameDayParty(c.event, d.event) ||
          (c.possessive && c.event.participants.filter((p) => d.event.participants.some((q) => q.entityId === p.entityId)).length >= 2) ||
          subset(c.event.participants, d.event.participants) ||
          subset(d.event.participants, c.event.participants) ||
          (c.event.type === 'CONFERENCE' && d.sentence.includes(c.words))),
    );
    if (!same) continue;
    dropped.add(c);
    for (const p of c.event.participants)
      if (!same.event.participants.some((q) => q.entityId === p.entityId))
        same.event.participants.push({ ...p, role: ParticipantRole.PARTICIPANT });
  }
  return candidates.filter((c) => !dropped.has(c));
}

const VERB: Record<string, string> = {
  MEETING: 'meets',
  VISIT: 'visits',
  AGREEMENT: 'signs an agreement with',
  CONFERENCE: 'at',
  ELECTION: 'election:',
  COUP: 'coup:',
  SANCTIONS: 'sanctions:',
  INVASION: 'invasion:',
  ESTABLISHMENT: 'establishes relations with',
};

/** A clause that holds nothing but its date ("At the beginning of September,") says nothing of what happened. */
function isOnlyTheDate(clause: string, expression: string): boolean {
  return (
    clause
      .replace(expression, '')
      .replace(/[^\p{L}]+/gu, ' ')
      .trim()
      .split(' ')
      .filter(Boolean).length < 3
  );
}

/**
 * A title from the words themselves when no frame names who did what: the sentence without its opening date
 * ("At the beginning of September, ...") or its closing attribution ("..., officials said on Monday").
 */
function fallbackTitle(words: string, expression: string): string {
  const opening = new RegExp(
    `^\\s*(?:at|in|on|by)?\\s*(?:the\\s+)?(?:beginning|start|end|middle)?\\s*(?:of\\s+)?${expression.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*,\\s*`,
    'i',
  );
  const title = words
    .trim()
    .replace(/^(and|but|while)\s+/i, '')
    .replace(opening, '')
    .replace(/,\s+(?:[\p{L}'’-]+\s+){0,4}(?:said|says|told|reported|announced)\b[^,]*$/u, '')
    .replace(/[.!?,]["”’)]?$/, '');
  return title.replace(/^\p{Ll}/u, (first) => first.toUpperCase());
}

/**
 * What a conference is called in the sentence that tells it: its name in capitals ("the 2025 Forum Leaders Meeting"),
 * or the words a gathering is named by ("the closing press conference"); the clause before its date is often neither.
 */
function conferenceNamed(sentence: string, at: number): string | null {
  const names = [
    ...[...sentence.matchAll(NAMED_CONFERENCE)].map((m) => ({ index: m.index, text: `the ${m[0].trim()}` })),
    ...[
      ...sentence.matchAll(
        /\b(?:(?:an?|the|its|their|this)\s+)(?:[\p{Ll}\d-]+\s+){0,3}(?:conference|forum|summit|congress|convention)\b/gu,
      ),
    ].map((m) => ({ index: m.index, text: m[0] })),
  ];
  const distance = (index: number) => (at < 0 ? index : Math.abs(index - at));
  return names.sort((a, b) => distance(a.index) - distance(b.index))[0]?.text ?? null;
}

/** What one participant alone does: "Singh holds talks in Maputo". */
const ALONE: Record<string, string> = { MEETING: 'holds talks', AGREEMENT: 'signs an agreement', ESTABLISHMENT: 'establishes relations' };

/** "Min Aung Hlaing meets Vladimir Putin in Vladivostok": who did what, with whom, where, in the store's names. */
function eventTitle(type: string, participants: string[], place: string | null, words: string, fallback: string): string {
  const verb = VERB[type];
  if (!verb || participants.length === 0) return fallback;
  const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
  const [first, ...others] = participants;
  const where = place && !participants.includes(place) ? ` in ${place}` : '';
  if (verb.endsWith(':')) return `${verb.slice(0, -1).replace(/^./, (c) => c.toUpperCase())} (${list(participants)})${where}`;
  if (type === 'CONFERENCE') return `${list(participants)} ${verb} ${words}${where}`;
  if (type === 'VISIT')
    return place ? `${list(participants)} ${participants.length > 1 ? 'visit' : 'visits'} ${place}` : `Visit by ${list(participants)}`;
  if (others.length === 0) return ALONE[type] ? `${first} ${ALONE[type]}${where}` : fallback;
  return `${first} ${verb} ${list(others)}${where}`;
}

/**
 * "the Great Hall" after "the Great Hall of the People", "the Supreme Court" where the store knows "Supreme Court of
 * Kenya": the opening words of a longer name, told again or known, are that name, not a new one.
 */
function isShortForm(name: string, names: Map<string, NameProposal>, gazetteer: Gazetteer): boolean {
  const opens = (longer: string) => longer.startsWith(`${name} `) && / (of|for|de)\b/.test(longer.slice(name.length));
  return [...names.keys()].some(opens) || gazetteer.entities.some((entity) => [entity.name, ...entity.aliases].some(opens));
}

/**
 * "Wemyss-Gorman underscored …" after "Rear Admiral Antonette Wemyss-Gorman": a hyphenated surname told alone closes a
 * person's name the text gives in full, and is that person, not a new name.
 */
function isSurnameAlone(name: string, names: Map<string, NameProposal>): boolean {
  return !name.includes(' ') && [...names.keys()].some((longer) => /^(?:\p{Lu}\S* )+\S+$/u.test(longer) && longer.endsWith(` ${name}`));
}

export function propose(text: string, blocks: TextBlock[], context: ProposalContext): Proposals {
  const sentences = sentencesOf(text, blocks);
  const claims: ClaimProposal[] = [];
  /** The claims of each quotation over paragraphs read so far, by sentence, for its speaker named where it closes. */
  const quotations = quotationsOverParagraphs(sentences);
  const claimOfSentence = new Map<number, ClaimProposal>();
  const candidates: Candidate[] = [];
  const names = new Map<string, NameProposal>();
  const offices = new Offices();
  const discourse = new Discourse((id) => offices.titlesOf(id));
  let lastNarrativeDate: KnownDate | null = null;
  /** The last day the story gave, of a happening or of none ("opened the terminal on Monday"): the day it stands on. */
  let storyDay: KnownDate | null = null;
  /** When the report was written: the publication date, or its dateline's day. */
  let written = context.publication;
  /** Who took part in the happening of each type the text named with most of them, for "the meeting" later on. */
  const happenings = new Map<string, { participants: Actor[]; place: string | null }>();
  /** How often each entity was named so far, for "the two countries" and "both leaders". */
  const named = new Map<string, { count: number; kind: string }>();
  let lastOrganisation: string | null = null;
  const nameOf = (id: string) =>
    id.startsWith(NEW_NAME) ? id.slice(NEW_NAME.length) : (context.gazetteer.entities.find((e) => e.id === id)?.name ?? id);
  const isPlace = (id: string) => named.get(id)?.kind === 'PLACE';
  /** A state, not a city: the store says so, or compromise knows the place's name as a country's. */
  const isState = (id: string) => {
    const entity = context.gazetteer.entities.find((e) => e.id === id);
    return entity?.kind === 'STATE' || (entity?.kind === 'PLACE' && nlp(entity.name).has('#Country'));
  };
  const knownAs = (name: string) => {
    const [mention] = context.gazetteer.mentionsIn(name);
    return mention && mention.surface === name ? mention.entity : null;
  };

  for (const [sentenceIndex, sentence] of sentences.entries()) {
    // "The Vietnamese President" is the person titled so earlier: a mention of that person, for speakers and events.
    const found = context.gazetteer.mentionsIn(sentence.text);
    const described = offices.resolve(sentence.text, found);
    offices.learn(sentence.text, found);
    const mentions = [
      ...found.filter((m) => !described.some((d) => m.index >= d.index && m.index < d.index + d.surface.length)),
      ...described,
    ].sort((a, b) => a.index - b.index);
    // A line that is only a name ("Brunei Town" above the headline) or a dateline before its dash ("Presidential
    // Palace, Hanoi, Vietnam, Tuesday 15 March 2022 –") is the page's or the desk's, not a name the story tells.
    const placeLine = PLACE_LINE.exec(sentence.text);
    const desk = placeLine && !hasVerb(placeLine[1]!) ? placeLine[0].length : 0;
    // A line in capitals ("GONSALVES SIGNS FIVE AGREEMENTS WITH ROMANIA") is a headline whose case tells no name.
    const shouted = !/\p{Ll}/u.test(sentence.text);
    const unknown = unknownNamesIn(shouted ? '' : sentence.text, mentions);
    discourse.learnNames(
      unknown.filter((found) => found.index >= desk),
      sentence.text,
    );
    /** The names new to the store this sentence tells, as proposed: who may take part in its happenings. */
    const newNames: Array<{ name: string; index: number }> = [];
    for (const found of unknown) {
      if (found.index < desk || found.name === sentence.text.trim().replace(/[.,;:]$/, '')) continue;
      // "“Bienvenido Senor Presidente. President Macri arrived …”": capitals that open a quote and end at a full stop
      // before its next sentence are a greeting or an exclamation, not a name; "dubbed the “Election Petition.”" is one.
      if (
        /["“]\s*$/.test(sentence.text.slice(0, found.index)) &&
        /^[.!]\s+\p{Lu}/u.test(sentence.text.slice(found.index + found.name.length))
      )
        continue;
      // "ANTHONY ALBANESE", a transcript's speaker, is a known name in capitals.
      if (!/\p{Ll}/u.test(found.name) && knownAs(titleCase(found.name))) continue;
      newNames.push(found);
      const startAt = sentence.start + Array.from(sentence.text.slice(0, found.index)).length;
      const entry = names.get(found.name);
      if (entry) entry.occurrences += 1;
      else
        names.set(found.name, { name: found.name, occurrences: 1, span: { start: startAt, end: startAt + Array.from(found.name).length } });
    }
    for (const m of mentions) if (m.entity.kind === 'ORGANIZATION') lastOrganisation = m.entity.id;
    // A state is a place here: "the two countries" are the two most named of either.
    for (const m of mentions)
      named.set(m.entity.id, {
        count: (named.get(m.entity.id)?.count ?? 0) + 1,
        kind: m.entity.kind === 'STATE' ? 'PLACE' : m.entity.kind,
      });
    if (!isStatement(sentence)) {
      discourse.attribute(sentence.text, sentence.block, mentions);
      continue;
    }
    // "He was received by …", "…, where he met executives": with nobody else named, the person named last before the
    // sentence is the one its pronoun stands for.
    const pronoun =
      /^(He|She)\b/.test(sentence.text) ||
      (/\b(he|she)\b/.test(maskQuotes(sentence.text)) && !found.some((m) => m.entity.kind === 'PERSON'));
    const subject = pronoun ? (/^(He|She)\b/.test(sentence.text) ? discourse.lastSubjectPerson : discourse.lastNamedPerson) : null;
    const speech = discourse.attribute(sentence.text, sentence.block, mentions);
    const { attribution, label } = speech;
    // A speaker named only as a label ("Anthony Albanese", from a transcript) may be one the store knows.
    const known = !speech.speaker && label ? knownAs(label) : null;
    const speaker = speech.speaker ?? (known && { entity: known, index: -1, surface: label! });
    const outside = maskQuotes(sentence.text);

    // Who took part: people and organisations named, and countries named as actors ("North Korea and Mongolia
    // signed"), not as the place ("in Pyongyang") nor as an adjective ("Turkish President"); an organisation that
    // only reports it ("the ministry added") is its source, not a participant.
    // A court that "declared the election invalid" did what it declared: it takes part in its ruling.
    const ownFrames = framesIn(outside);
    const decisions = ownFrames.filter((f) => f.body);
    // A body that "declared Kumar the Mayor" or "decided to keep the rate" did what it declared: it is no mere source.
    const reporter =
      speaker?.entity.kind === 'ORGANIZATION' &&
      !speech.acts &&
      // "The ICC Board met on Friday and determined …, it said": a body the reported words name apart from its saying acts in them.
      !mentions.some((m) => m !== speaker && m.entity.id === speaker.entity.id && outside[m.index] !== ' ') &&
      !RULED.test(outside) &&
      !FOUND_THAT.test(outside) &&
      !decisions.some((f) => f.index > speaker.index)
        ? speaker.entity.id
        : null;
    const atPlace = (m: Mention) => PLACE_PREPOSITION.test(sentence.text.slice(0, m.index));
    // "DANANG, Vietnam (Reuters) -": where the report was filed from takes no part in what it tells.
    const dateline = (DATELINE.exec(sentence.text) ?? DATED_DATELINE.exec(sentence.text))?.[0].length ?? 0;
    let actors = [
      ...new Map(
        mentions
          .filter(
            (m) =>
              m.index >= dateline &&
              m.entity.id !== reporter &&
              (m.entity.kind !== 'PLACE' || (!atPlace(m) && namesThePlace(m, sentence.text))),
          )
          .map((m) => [m.entity.id, m]),
      ).values(),
    ].map((m, i) => ({
      entityId: m.entity.id,
      role: i === 0 ? ParticipantRole.AGENT : ParticipantRole.PARTICIPANT,
    }));
    // "Okafor met the minister": a person or body the store does not know yet takes part by its name, proposed as a
    // label, where the sentence names it as it would an entity: outside the quoted words, not as the place ("in
    // Lagos", "at the Nordic Harbours Forum", or a name compromise knows as a place's), and not as what the
    // happening is about ("signed on the Bandaranaike Institute").
    const newActorAt = new Map(
      newNames
        .filter(
          (n) =>
            n.index >= dateline &&
            outside[n.index] !== ' ' &&
            !NOT_TAKING_PART.test(sentence.text.slice(0, n.index)) &&
            !nlp(n.name).has('#Place') &&
            endsAsAName(n.name) &&
            !mentions.some((m) => n.index >= m.index && n.index < m.index + m.surface.length),
        )
        .map((n) => [`${NEW_NAME}${n.name}`, n.index]),
    );
    if (newActorAt.size > 0) {
      const firstAt = (id: string) => newActorAt.get(id) ?? mentions.find((m) => m.entity.id === id)?.index ?? Infinity;
      actors = [
        ...actors,
        ...[...newActorAt.keys()]
          .filter((id) => !actors.some((a) => a.entityId === id))
          .map((entityId) => ({ entityId, role: ParticipantRole.PARTICIPANT })),
      ]
        .sort((a, b) => firstAt(a.entityId) - firstAt(b.entityId))
        .map((a, i) => ({ entityId: a.entityId, role: i === 0 ? ParticipantRole.AGENT : ParticipantRole.PARTICIPANT }));
    }
    if (subject && !actors.some((a) => a.entityId === subject.entity.id)) {
      actors = [
        { entityId: subject.entity.id, role: ParticipantRole.AGENT },
        ...actors.map((a) => ({ ...a, role: ParticipantRole.PARTICIPANT })),
      ];
    }
    // "The two heads of government held discussions" with one of them named: the pair is the two most named.
    const served = officesOfPlaces(outside, mentions, offices);
    const pair = served.pairOfPeople ? 'PERSON' : pairIn(outside);
    if (pair && actors.filter((a) => named.get(a.entityId)?.kind === pair).length < 2) {
      const top = [...named.entries()]
        .filter(([, v]) => v.kind === pair)
        .sort((a, b) => b[1].count - a[1].count)
        .slice(0, 2);
      if (top.length === 2)
        actors = [
          ...actors,
          ...top
            .filter(([id]) => !actors.some((a) => a.entityId === id))
            .map(([id]) => ({ entityId: id, role: ParticipantRole.PARTICIPANT })),
        ];
    }
    // "The visiting dignitary will also hold talks with Prime Minister Modi": the one on the story's visit, told first.
    const visitor = VISITOR.test(outside)
      ? candidates.find((c) => c.event.type === 'VISIT')?.event.participants.find((p) => named.get(p.entityId)?.kind === 'PERSON')
      : undefined;
    if (visitor && !actors.some((a) => a.entityId === visitor.entityId))
      actors = [
        { entityId: visitor.entityId, role: ParticipantRole.AGENT },
        ...actors.map((a) => ({ ...a, role: ParticipantRole.PARTICIPANT })),
      ];
    // "the court had directed", "the central bank kept": a body named by its head noun is the one the text has named with
    // that noun in its name ("the Supreme Court of India"), the most named if several.
    for (const f of decisions) {
      const head = f.body!.split(' ').pop()!.toLowerCase();
      if (mentions.some((m) => f.body!.includes(m.surface))) continue;
      const body = [...named]
        .filter(([id, n]) => n.kind === 'ORGANIZATION' && nameOf(id).toLowerCase().split(/\s+/).includes(head))
        .sort((a, b) => b[1].count - a[1].count)[0]?.[0];
      if (body && !actors.some((a) => a.entityId === body))
        actors = [{ entityId: body, role: ParticipantRole.AGENT }, ...actors.map((a) => ({ ...a, role: ParticipantRole.PARTICIPANT }))];
    }
    // "a summit of the bloc's heads of state": the body the text named last.
    if (COLLECTIVE.test(outside) && lastOrganisation && !actors.some((a) => a.entityId === lastOrganisation))
      actors = [...actors, { entityId: lastOrganisation, role: ParticipantRole.PARTICIPANT }];

    // One event per date in the sentence, typed by the words leading up to that date: "overthrew the government in
    // February 2021 and Russia invaded Ukraine in February this year" is a coup and an invasion.
    const before = new Map(happenings);
    const people = mentions.filter((m) => m.entity.kind !== 'PLACE');
    if (people.length > 0) {
      const where = mentions.find((m) => m.entity.kind === 'PLACE')?.entity.id ?? null;
      for (const [pattern, codes] of EVENT_TYPES) {
        if (!pattern.test(sentence.text)) continue;
        // "The encounter", mentioned by a speaker in passing, does not replace the summit named with its leaders.
        for (const code of codes)
          if ((happenings.get(code)?.participants.length ?? 0) <= actors.length)
            happenings.set(code, { participants: actors, place: where });
      }
    }
    const fromSentence: Candidate[] = [];
    // The report was written on its dateline's day: "on Saturday" and "yesterday" count from there.
    if (context.publication && written === context.publication) written = datelineDate(sentence.text, context.publication) ?? written;
    // "The first visit since 2016", "since she took office in 2019": a period's start dates no happening of the sentence,
    // unless its clause names one of its own ("since Trump withdrew last year from the accord").
    const sinceClause = (d: TimeExpression) => /\bsince\b[^,;.]{0,40}$/i.exec(sentence.text.slice(0, d.index))?.[0];
    const dates: TimeExpression[] = written
      ? timeExpressionsIn(sentence.text, written, lastNarrativeDate).filter((d) => {
          if (d.index < dateline || /^since\b/i.test(d.expression)) return false;
          const since = sinceClause(d);
          // "since winning the November 20 election": a date that qualifies a happening's words dates that happening.
          return (
            since === undefined ||
            (d.head !== undefined && eventTypeOf(d.head, d.head.length, context.eventTypes) !== null) ||
            framesIn(`${since}${d.expression}${outside.slice(d.index + d.expression.length)}`).some((f) => f.index < since.length)
          );
        })
      : [];
    // "During the meeting in Istanbul, …", "signed an agreement during the visit": a happening dated by one told before,
    // and with nobody named, done by those who took part in it.
    const referred = dates.length === 0 ? DURING.exec(sentence.text) : null;
    const referredKind = referred && /^(visit|trip)$/i.test(referred[2]!) ? 'VISIT' : 'MEETING';
    if (referred) {
      const kind = referredKind;
      const earlier = [...candidates].reverse().find((c) => c.event.type === kind)?.event.start ?? lastNarrativeDate;
      // "MoUs are expected to be signed during the visit", "are expected to sign agreements after the talks": dated by
      // what is referred to, and what is ahead of the reference stays ahead.
      if (earlier)
        dates.push({
          expression: referred[0],
          index: referred.index,
          date: earlier,
          future: looksAhead(sentence.text.slice(0, referred.index)) || EXPECTED.test(sentence.text.slice(0, referred.index)),
        });
    }
    // "…visit of Prime Minister Modi to Argentina for the G20 from November 30 - December 1, 2018, and the … meeting that
    // Prime Minister had with President Macri on that occasion," the MEA said: a quote that dates what it tells by a
    // date of its own tells happenings too.
    const quotedFrames =
      outside !== sentence.text && dates.some((d) => outside[d.index] === ' ')
        ? framesIn(sentence.text).filter(
            (f) => outside[f.index] === ' ' && dates.some((d) => d.index < f.index + 40 && outside[d.index] === ' '),
          )
        : [];
    // "During his talks with Putin, the Kazakh president noted …": a setting told for the first time is someone's, so its
    // pronoun's owner must be named in the sentence outside the setting's own words, or who took part is a guess.
    const ownerNamed = (f: Frame) => {
      if (!/\b(?:his|her|their)\s+(?:[\p{Ll}-]+\s+)?$/iu.test(outside.slice(0, f.index))) return true;
      const from = outside.slice(0, f.index).search(/\S+\s+(?:his|her|their)\s+(?:[\p{Ll}-]+\s+)?$/iu);
      const comma = outside.indexOf(',', f.index);
      const to = comma < 0 ? outside.length : comma;
      return mentions.some((m) => m.entity.kind === 'PERSON' && (m.index < from || m.index >= to));
    };
    const frames = [...ownFrames, ...quotedFrames].filter(
      (f) => context.eventTypes.has(f.type) && !(f.setting && (candidates.some((c) => c.event.type === f.type) || !ownerNamed(f))),
    );
    const place = mentions.find((m) => m.entity.kind === 'PLACE' && atPlace(m))?.entity.id ?? null;
    // "The Kenyan leader began his visit in Atlanta, where he met executives of Coca-Cola": who took part in a happening
    // is named in the clause that tells it, its verb's subject first, not anywhere in the sentence; "he" there is the
    // person named before the clause, in the sentence or before it.
    const clauseActors = (at: number): Actor[] => {
      // Parsing the clause is the costly part, and only a pronoun there changes who took part.
      if (!/\b(?:he|she)\b/i.test(outside)) return actors;
      const clause = clauseOf(sentence.text, at);
      if (!clause?.subject || !/^(?:he|she)$/i.test(clause.subject.text)) return actors;
      if (mentions.some((m) => m.entity.kind === 'PERSON' && m.index >= clause.start && m.index < at)) return actors;
      const antecedent =
        [...mentions].reverse().find((m) => m.entity.kind === 'PERSON' && m.index < clause.start)?.entity ??
        discourse.lastSubjectPerson?.entity;
      if (!antecedent) return actors;
      const inClause = (id: string) => {
        const at = newActorAt.get(id);
        if (at !== undefined) return at >= clause.start && at < clause.end;
        return mentions.some((m) => m.entity.id === id && m.index >= clause.start && m.index < clause.end);
      };
      return [antecedent.id, ...actors.map((a) => a.entityId).filter((id) => id !== antecedent.id && inClause(id))].map((entityId, i) => ({
        entityId,
        role: i === 0 ? ParticipantRole.AGENT : ParticipantRole.PARTICIPANT,
      }));
    };
    const add = (
      type: string,
      start: KnownDate,
      expression: string,
      future: boolean,
      words: string,
      fallback: string,
      inferred: boolean,
      { saying = false, distinct = false, possessive = false, at = -1, by = undefined as Actor[] | undefined } = {},
    ) => {
      let participants = by ?? (at >= 0 ? clauseActors(at) : actors);
      let where = place;
      const already =
        participants.length === 0
          ? ALREADY_NAMED.test(words)
            ? before.get(type)
            : referred
              ? before.get(referredKind)
              : undefined
          : undefined;
      if (already) {
        participants = already.participants;
        where ??= already.place;
      }
      // "said the leftist leader during a press conference": whoever speaks makes the statement, named or not in the clause.
      if (type === 'STATEMENT' && speaker && !participants.some((p) => p.entityId === speaker.entity.id))
        participants = [
          { entityId: speaker.entity.id, role: ParticipantRole.AGENT },
          ...participants.map((p) => ({ ...p, role: ParticipantRole.PARTICIPANT })),
        ];
      // "The prime ministers of Pakistan and Sri Lanka held talks": a meeting of the people, not of their countries.
      if (OF_PEOPLE.has(type) && served.places.size > 0 && !already)
        participants = [
          ...participants.filter((p) => !served.places.has(p.entityId)),
          ...served.holders
            .filter((id) => !participants.some((p) => p.entityId === id))
            .map((id) => ({ entityId: id, role: ParticipantRole.PARTICIPANT })),
        ];
      // "the winner of last month's election" in a story about Kenya: an election named without its place is held in the
      // place the text has named most.
      if (type === 'ELECTION' && !where)
        where = [...named].filter(([, n]) => n.kind === 'PLACE').sort((a, b) => b[1].count - a[1].count)[0]?.[0] ?? null;
      // "sanctioned 13 officials of the Venezuelan government": a state named after the sanctions, even as an
      // adjective, is the one they fall on.
      const sanctionedAt = type === 'SANCTIONS' ? sentence.text.indexOf(words) : -1;
      if (sanctionedAt >= 0)
        for (const m of mentions)
          if (m.entity.kind === 'PLACE' && m.index > sanctionedAt && !atPlace(m) && !participants.some((p) => p.entityId === m.entity.id))
            participants = [...participants, { entityId: m.entity.id, role: ParticipantRole.PARTICIPANT }];
      // "Three agreements were signed" by two leaders, "the outcomes of today's meeting with Indonesian president Prabowo
      // Subianto were the signing of four memorandums": an agreement binds the states of the people who sign it, which are
      // the countries the story has named most when the sentence names fewer than two.
      const people = participants.filter((p) => named.get(p.entityId)?.kind === 'PERSON');
      const states = participants.filter((p) => isState(p.entityId));
      if (type === 'AGREEMENT' && people.length >= 1 && states.length < 2)
        participants = [
          ...participants,
          ...[...named]
            .filter(([id]) => isState(id) && !participants.some((p) => p.entityId === id))
            .sort((a, b) => b[1].count - a[1].count)
            .slice(0, 2 - states.length)
            .map(([id]) => ({ entityId: id, role: ParticipantRole.PARTICIPANT })),
        ];
      // "a presidential election in Ukraine": the country where it is held is what the election is of.
      if (type === 'ELECTION' && where && !participants.some((p) => p.entityId === where))
        participants = [...participants, { entityId: where, role: ParticipantRole.PARTICIPANT }];
      // "Uzbekistan meets Russia": a meeting, a visit or a conference of states is done by the people the story is about,
      // the two it has named most.
      if (OF_PEOPLE.has(type) && participants.length > 0 && participants.every((p) => isPlace(p.entityId))) {
        const people = [...named].filter(([, n]) => n.kind === 'PERSON').sort((a, b) => b[1].count - a[1].count);
        if (people.length >= 2)
          participants = people
            .slice(0, 2)
            .map(([id], i) => ({ entityId: id, role: i === 0 ? ParticipantRole.AGENT : ParticipantRole.PARTICIPANT }));
      }
      // "at the close of the 2023 Nordic Harbours Forum": a new name that names the gathering is the gathering.
      const gathering = type === 'CONFERENCE' ? conferenceNamed(sentence.text, at) : null;
      if (gathering)
        participants = participants.filter(
          (p) => !p.entityId.startsWith(NEW_NAME) || !gathering.includes(p.entityId.slice(NEW_NAME.length)),
        );
      const candidate = {
        event: {
          title: short(
            eventTitle(
              type,
              (participants.some((p) => !isPlace(p.entityId)) ? participants.filter((p) => !isPlace(p.entityId)) : participants).map((p) =>
                nameOf(p.entityId),
              ),
              where ? nameOf(where) : null,
              (type === 'CONFERENCE' && conferenceNamed(sentence.text, at)) || words,
              fallback,
            ),
            200,
          ),
          type,
          start,
          timeExpression: expression,
          modality: future ? EventModality.EXPECTED : EventModality.OCCURRED,
          placeId: where,
          participants,
          span: { start: sentence.start, end: sentence.end },
        },
        inferred,
        saying,
        sentence: sentence.text,
        words,
        distinct,
        possessive,
      };
      fromSentence.push(candidate);
      candidates.push(candidate);
    };

    // Reading the sentence's verb phrases is costly, so only once and only where a date names no happening.
    let acts: PastAct[] | undefined;
    const namedAt = (at: number, length: number) =>
      mentions.some((m) => m.index >= at && m.index < at + length && actors.some((a) => a.entityId === m.entity.id)) ||
      [...newActorAt.values()].some((index) => index >= at && index < at + length);
    const actDatedBy = (when: TimeExpression) => {
      acts ??= pastActs(outside);
      // The act and its date in one clause: no other verb and no semicolon between them.
      return acts.find(
        (a) =>
          when.index >= a.reach.start &&
          when.index < a.reach.end &&
          namedAt(a.subject.index, a.subject.text.length) &&
          !/[;:]/.test(outside.slice(Math.min(a.index, when.index), Math.max(a.index, when.index))),
      );
    };
    let clauseStart = 0;
    for (const when of dates) {
      const clauseEnd = when.index + when.expression.length;
      // A happening dated by reference is typed by the words before the reference, not by the reference itself.
      const clause = sentence.text.slice(clauseStart, referred ? when.index : clauseEnd);
      clauseStart = clauseEnd;
      const fallback = fallbackTitle(dates.length > 1 && !isOnlyTheDate(clause, when.expression) ? clause : sentence.text, when.expression);
      if (!referred && datesSaying(sentence.text, when.index)) {
        // "Trump said on Tuesday a summit meeting …": the day dates the saying, and the happening said is the
        // sentence's own; one done in the past tense ("signed") may have been done any day of that week, one in the present
        // perfect ("has suspended …, the body announced on Friday") was done by the saying, on its day.
        const frame = frames[0];
        if (frame && fromSentence.length === 0) {
          const precision =
            frame.pastVerb && !frame.perfect && when.date.precision === DatePrecision.DAY ? DatePrecision.WEEK : when.date.precision;
          add(
            frame.type,
            { date: startOfPeriod(when.date.date, precision), precision },
            when.expression,
            frame.expected || when.future,
            frame.words,
            fallback,
            true,
            { saying: true, distinct: frame.also || frame.withGroup, at: frame.index },
          );
          lastNarrativeDate = when.date;
        }
        // "Marcos will visit Vietnam from Jan. 29, the DFA said Friday": a saying given a day of its own is a happening
        // too, the speaker's statement on that day, beside the happening it reports, where it is a release or an
        // announcement: a body speaks only through one, while a person's "said on Tuesday" beside what it reports is as
        // often a remark to a reporter, which the development sets' gold readings do not record. A person's dated
        // saying that tells no happening ("“We have reason to be cautious,” Vulin told Tanjug news agency on Saturday")
        // is the only thing the sentence dates, and the later sets record it. An outlet that "reports" tells the news.
        const said = SAYING.exec(sentence.text.slice(0, when.index))?.[1];
        if (
          said &&
          speaker &&
          speaker.index >= 0 &&
          !/^report/i.test(said) &&
          (speaker.entity.kind === 'ORGANIZATION' || /^announced$/i.test(said) || fromSentence.length === 0) &&
          context.eventTypes.has('STATEMENT') &&
          when.date.precision === DatePrecision.DAY &&
          !when.future &&
          !fromSentence.some((c) => c.event.type === 'STATEMENT')
        )
          add('STATEMENT', when.date, when.expression, false, said, `${nameOf(speaker.entity.id)} ${said} ${when.expression}`, false, {
            by: [{ entityId: speaker.entity.id, role: ParticipantRole.AGENT }],
          });
        continue;
      }
      // "the 2008 disaster in Sichuan", "last month's election": a date written before a happening's words dates that
      // happening; a year before other words ("the 2019 budget") dates nothing, a possessive day ("Sunday's armistice
      // ceremonies") the sentence's happening.
      const headType = when.head !== undefined ? eventTypeOf(when.head, when.head.length, context.eventTypes) : null;
      const possessiveDate = /^['’]s\b/.test(sentence.text.slice(when.index + when.expression.length));
      if (when.head !== undefined && !headType && !possessiveDate) continue;
      if (headType) clauseStart = sentence.text.indexOf(when.head!, when.index) + when.head!.length;
      // "declared the successful conclusion of the meeting on Friday": what a formal declaration names is its object, and
      // the declaration is the happening dated.
      const declared = !headType && context.eventTypes.has('STATEMENT') && DECLARED.test(outside.slice(0, when.index));
      const own = headType ?? (declared ? 'STATEMENT' : eventTypeOf(clause, clause.length, context.eventTypes));
      // "During the discussions, President Xi stressed …": the happening referred to is not told again by the reference.
      const rest = referred
        ? `${sentence.text.slice(0, referred.index)}${' '.repeat(referred[0].length)}${sentence.text.slice(referred.index + referred[0].length)}`
        : sentence.text;
      const type = own ?? eventTypeOf(rest, when.index, context.eventTypes);
      // "the minister sacked the board on November 6", "On 8 February, the three states carried out …": an act dated in
      // the clause that tells it, done by someone named, is a happening even when no lexicon entry names its verb; of the
      // general kind, since its verb says nothing of which.
      const act = !type && !when.future && !referred && context.eventTypes.has('OTHER') ? actDatedBy(when) : undefined;
      if (act) {
        add(
          'OTHER',
          when.date,
          when.expression,
          false,
          act.words,
          fallbackTitle(outside.slice(act.subject.index), when.expression),
          false,
          {
            at: act.index,
          },
        );
        if (when.date.precision !== DatePrecision.YEAR) lastNarrativeDate = when.date;
        continue;
      }
      if (!type) {
        // "Modi on Friday stressed …": a day that dates only a saying is the day the story stands on.
        if (attribution !== Attribution.AUTHOR_ASSERTION && when.date.precision === DatePrecision.DAY) lastNarrativeDate = when.date;
        continue;
      }
      // "will travel to Osaka tomorrow before returning on Saturday": a date whose clause names no happening does
      // not tell again the one the sentence has already dated.
      if (!own && fromSentence.some((c) => c.event.type === type)) continue;
      // "China lifted its tariffs in March, the department said": the saying closing the sentence is its source, and
      // what it dates has no word of its own for a happening.
      const tail = ATTRIBUTION_TAIL.exec(outside);
      if ((type === 'STATEMENT' || type === 'PROPOSAL') && tail && when.index < tail.index) continue;
      // "“One message was certain this week,” he said": a date inside the quoted words dates no saying of them.
      if ((type === 'STATEMENT' || type === 'PROPOSAL') && outside[when.index] !== sentence.text[when.index]) continue;
      // "He said that China will provide grants from next year": a date in what was said dates no saying.
      if ((type === 'STATEMENT' || type === 'PROPOSAL') && SAID_THAT.test(outside.slice(0, when.index))) continue;
      // "The death toll … rose to nearly 600 on Wednesday": the day the count was given, not the disaster's.
      if (TOLL.test(sentence.text.slice(0, when.index))) continue;
      const told = frames.filter((f) => f.type === type).sort((a, b) => Math.abs(a.index - when.index) - Math.abs(b.index - when.index))[0];
      add(type, when.date, when.expression, when.future, clause, fallback, false, { at: told?.index ?? -1 });
      // "A month earlier" counts back from the story's last dated happening, not from background such as "in 2013".
      if (when.date.precision !== DatePrecision.YEAR && !headType) lastNarrativeDate = when.date;
    }

    // Happenings the sentence names without a date beside them ("Pinto, who is on a three-day visit", "expected to
    // sign an agreement", "attended the G8 Summit"): dated by a date before them in the sentence, else as under way
    // in the publication's week, else by the story's last dated happening.
    for (const frame of frames) {
      // "Protests … have been staged in towns across Serbia", "Fiji's nurses have been on strike": a crowd's happening is
      // told with nobody named, so it needs no participant.
      const crowd = frame.type === 'OTHER' && UNREST.test(frame.words);
      if (
        fromSentence.some((c) => c.event.type === frame.type) ||
        (actors.length === 0 && !(frame.type === 'STATEMENT' && speaker) && !crowd)
      )
        continue;
      // "have agreed to elevate their ties …, as Xi and Duterte met in Manila on Tuesday": a happening told at the time of
      // another takes the date of the clause that tells it.
      const meanwhile = dates.find(
        (d) => d.index > frame.index && /\b(?:as|when|while)\b/i.test(outside.slice(frame.index, d.index)) && !d.head && !d.future,
      );
      // "for the G20 from November 30 - December 1": a date right after a happening's words is its own.
      const following = dates.find(
        (d) => d.index > frame.index && /^[^,;.]{0,25}$/.test(sentence.text.slice(frame.index + frame.words.length, d.index)),
      );
      const found = [...dates].reverse().find((d) => d.index < frame.index) ?? following ?? meanwhile;
      // "on that occasion", of a range of days: some day of it, the week it began.
      const occasion =
        found &&
        found.index < frame.index &&
        found.expression.includes(' - ') &&
        /\bon that occasion\b/i.test(sentence.text.slice(frame.index))
          ? { ...found, date: { date: startOfPeriod(found.date.date, DatePrecision.WEEK), precision: DatePrecision.WEEK } }
          : found;
      const earlier = occasion;
      const week = written && {
        date: startOfPeriod(written.date, coarser(DatePrecision.WEEK, written.precision)),
        precision: coarser(DatePrecision.WEEK, written.precision),
      };
      // "has met … in Tokyo": the present perfect tells what was done by the time of writing, the publication's own date.
      const now = frame.perfect && written && { ...written, date: startOfPeriod(written.date, written.precision) };
      // "will also hold talks": a happening ahead with no date of its own is not dated by a story's past.
      const past =
        lastNarrativeDate &&
        written &&
        lastNarrativeDate.date < startOfPeriod(written.date, coarser(DatePrecision.WEEK, written.precision));
      // "Armenia and Georgia signed an agreement": news tells what was done on the day the story stands on, the day it
      // was written unless it gave another; a happening under way or ahead has no one day of its own.
      const today =
        written && !frame.ongoing && !frame.expected && (storyDay ?? { ...written, date: startOfPeriod(written.date, written.precision) });
      const start = earlier?.date ?? (now || (frame.ongoing || (frame.expected && past) ? week : (lastNarrativeDate ?? (today || week))));
      if (!start) continue;
      if (now && !earlier) lastNarrativeDate ??= now;
      const fallback = sentence.text.replace(/[.!?,]["”’)]?$/, '');
      add(
        frame.type,
        start,
        earlier ? earlier.expression : frame.words,
        frame.expected || (earlier?.future ?? false),
        frame.words,
        fallback,
        !earlier,
        { distinct: frame.also || frame.withGroup, possessive: frame.possessive, at: frame.index },
      );
    }

    storyDay = [...dates].reverse().find((d) => d.date.precision === DatePrecision.DAY && !d.future)?.date ?? storyDay;
    const eventIndex = fromSentence[0] ? candidates.indexOf(fromSentence[0]) : null;
    // "Clashes took place on Tuesday. This was reported by local media.": the second names the source of the first,
    // as translated agency copy writes it, and tells nothing of its own.
    const source = REPORTED_BY.exec(sentence.text)?.[1];
    const reported = source !== undefined ? claimOfSentence.get(sentenceIndex - 1) : undefined;
    if (source !== undefined && reported?.attribution === Attribution.AUTHOR_ASSERTION) {
      const known = mentions.filter((m) => m.index >= sentence.text.length - source.length - 1).at(-1);
      Object.assign(reported, {
        attribution: Attribution.REPORTED_SPEECH,
        claimantId: known?.entity.id ?? null,
        claimantLabel: known ? null : source,
      });
      continue;
    }
    const speakerLabel = attribution !== Attribution.AUTHOR_ASSERTION && !speaker && !label ? 'an unnamed speaker' : label;
    const claim: ClaimProposal = {
      text: sentence.text,
      claimantId: attribution === Attribution.AUTHOR_ASSERTION ? null : (speaker?.entity.id ?? null),
      claimantLabel: attribution === Attribution.AUTHOR_ASSERTION ? context.authorLabel : speaker ? null : speakerLabel,
      attribution,
      modality: modalityOf(sentence.text),
      entityIds: [...new Set(mentions.map((m) => m.entity.id))].filter((id) => id !== speaker?.entity.id),
      event: eventIndex,
      span: { start: sentence.start, end: sentence.end },
    };
    claims.push(claim);
    claimOfSentence.set(sentenceIndex, claim);
    // "“Today … grid." in one paragraph, "… importance,” said Minister X." in the next: every paragraph of a quotation
    // is the words of the speaker named where it closes, never the author's.
    const quotation = attribution === Attribution.AUTHOR_ASSERTION ? undefined : quotations.find((q) => q.at(-1) === sentenceIndex);
    for (const earlier of quotation?.slice(0, -1) ?? []) {
      const told = claimOfSentence.get(earlier);
      if (told?.attribution !== Attribution.AUTHOR_ASSERTION) continue;
      Object.assign(told, { attribution: claim.attribution, claimantId: claim.claimantId, claimantLabel: claim.claimantLabel });
    }
  }

  const kept = oneEventPerHappening(candidates);
  const index = new Map(kept.map((c, i) => [candidates.indexOf(c), i]));
  for (const claim of claims) {
    if (claim.event === null) continue;
    const first = candidates.findIndex((c, i) => i >= claim.event! && index.has(i) && candidates[i]!.event.span.start === claim.span.start);
    claim.event = first >= 0 ? index.get(first)! : null;
  }
  return {
    claims,
    events: kept.map((c) => ({ ...c.event, participants: c.event.participants.map(asProposed) })),
    names: [...names.values()]
      .filter((entry) => !isShortForm(entry.name, names, context.gazetteer) && !isSurnameAlone(entry.name, names))
      .sort((a, b) => b.occurrences - a.occurrences || a.span.start - b.span.start),
  };
}
