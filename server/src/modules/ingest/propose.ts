import { DatePrecision } from '../../core/dates/precision.js';
import type { TextBlock } from '../../core/text/blocks.js';
import { Attribution, ClaimModality } from '../claims/claims.enums.js';
import { EventModality, ParticipantRole } from '../events/events.enums.js';
import { Discourse } from './attribution.js';
import { Gazetteer, unknownNamesIn } from './gazetteer.js';
import { sentencesOf, type Sentence } from './sentences.js';
import { timeExpressionsIn, type KnownDate, type TimeExpression } from './time-expressions.js';

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

export interface EventProposal {
  title: string;
  type: string;
  start: KnownDate;
  timeExpression: string;
  modality: EventModality;
  placeId: string | null;
  participants: Array<{ entityId: string; role: ParticipantRole }>;
  span: Span;
}

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

const SPECULATIVE = /\b(may|might|could|presumably|supposedly|perhaps|possibly|would likely)\b/i;
const HEDGED = /\b(reportedly|apparently|likely|appears?|seems?|allegedly|suggests?|believed to)\b/i;
const EXPECTED = /\b(will|expected to|are expected|is expected|plans? to|is to|are to|later this month|next (year|month|week))\b/i;
const DENIED = /\b(denied|denies|no \w+( \w+)? (have|has) been)\b/i;

const EVENT_TYPES: Array<[RegExp, string[]]> = [
  [/\b(invaded|invade|invasion)\b/i, ['INVASION']],
  [/\b(overthrew|overthrow|seized power|putsch|coup d[’']état)\b/i, ['COUP']],
  [/\b(exercises?|drills?)\b/i, ['MILITARY_EXERCISE']],
  [/\b(games|competition)\b/i, ['MILITARY_COMPETITION', 'CONFERENCE']],
  [/\b(crude|oil|gas|nuclear|energy|reactor|Rosatom|deliveries)\b/i, ['ENERGY_DEAL', 'AGREEMENT']],
  [/\b(arms|weapons|fighter|helicopters|hardware)\b/i, ['ARMS_TRADE']],
  [/\b(elections?|vote)\b/i, ['ELECTION']],
  [/\b(signed|agreement|memorandum|deal|treaty)\b/i, ['AGREEMENT']],
  [/\b(visit|visited|trip|stopover|travell?ed|at the invitation of)\b/i, ['VISIT']],
  [/\b(meet|met|meets|meeting|meetings|talks|summit|received|hosted|conversation|discussions?|lunch|exchange|encounter)\b/i, ['MEETING', 'CONFERENCE']],
  [/\b(forum|conference)\b/i, ['CONFERENCE']],
  [/\b(launched|established|set up|founded|created)\b/i, ['ESTABLISHMENT']],
  [/\b(asked|proposed|suggested|requested)\b/i, ['PROPOSAL']],
  [/\b(said|called|announced|declared|praised)\b/i, ['STATEMENT']],
];
const FALLBACK_TYPES = ['OTHER', 'STATEMENT', 'MEETING'];

const PLACE_PREPOSITION = /\b(in|to|at|from)\s+$/;

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
    for (const m of text.matchAll(new RegExp(pattern.source, 'gi'))) {
      const distance = Math.abs(m.index! - at);
      if (!best || (best.weak && !weak) || (best.weak === weak && distance < best.distance)) best = { code, distance, weak };
    }
  }
  return best?.code ?? null;
}

/** "SEOUL, Nov. 1 (Yonhap) --", "MOSCOW—": the dateline's date is the report's, not a happening's. */
const DATELINE = /^\p{Lu}{3,}[\p{Lu} ]*(?:,[^()–—]{0,25}?)?\s*(?:\([^)]{0,80}\)\s*(?:--|–|—|-)?|--|–|—|-)/u;
const DURING = /\b(during|after|on the sidelines of) the (meeting|talks|summit|visit|trip)\b/i;
/** "The meeting took place on Aug 15": a happening the text has already named, by its kind alone. */
const ALREADY_NAMED = /\b(the|this|that) (meeting|summit|talks|visit|trip|encounter|conversation|agreement|deal|signing)\b/i;

/** A sentence the editor can turn into a claim: a full sentence with a verb's worth of words, not a headline. */
const isStatement = (sentence: Sentence) => /[.!?]["”’)]?$/.test(sentence.text) && sentence.text.split(/\s+/).length >= 6;

const short = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

export function propose(text: string, blocks: TextBlock[], context: ProposalContext): Proposals {
  const sentences = sentencesOf(text, blocks);
  const claims: ClaimProposal[] = [];
  const events: EventProposal[] = [];
  const names = new Map<string, NameProposal>();
  const discourse = new Discourse();
  let lastNarrativeDate: KnownDate | null = null;
  /** Who took part in the happening of each type the text named with most of them, for "the meeting" later on. */
  const happenings = new Map<string, { participants: EventProposal['participants']; place: string | null }>();

  for (const sentence of sentences) {
    const mentions = context.gazetteer.mentionsIn(sentence.text);
    for (const found of unknownNamesIn(sentence.text, mentions)) {
      const startAt = sentence.start + Array.from(sentence.text.slice(0, found.index)).length;
      const entry = names.get(found.name);
      if (entry) entry.occurrences += 1;
      else names.set(found.name, { name: found.name, occurrences: 1, span: { start: startAt, end: startAt + Array.from(found.name).length } });
    }
    if (!isStatement(sentence)) {
      discourse.attribute(sentence.text, sentence.block, mentions);
      continue;
    }

    // One event per date in the sentence, typed by the words leading up to that date: "overthrew the government in
    // February 2021 and Russia invaded Ukraine in February this year" is a coup and an invasion.
    const before = new Map(happenings);
    const people = [...new Map(mentions.filter((m) => m.entity.kind !== 'PLACE').map((m) => [m.entity.id, m])).values()];
    if (people.length > 0) {
      const where = mentions.find((m) => m.entity.kind === 'PLACE')?.entity.id ?? null;
      for (const [pattern, codes] of EVENT_TYPES) {
        if (!pattern.test(sentence.text)) continue;
        // "The encounter", mentioned by a speaker in passing, does not replace the summit named with its leaders.
        for (const code of codes) if ((happenings.get(code)?.participants.length ?? 0) <= people.length) happenings.set(code, { participants: people.map((m, i) => ({ entityId: m.entity.id, role: i === 0 ? ParticipantRole.AGENT : ParticipantRole.PARTICIPANT })), place: where });
      }
    }
    let eventIndex: number | null = null;
    const dateline = DATELINE.exec(sentence.text)?.[0].length ?? 0;
    const dates: TimeExpression[] = context.publication ? timeExpressionsIn(sentence.text, context.publication, lastNarrativeDate).filter((d) => d.index >= dateline) : [];
    // "During the meeting in Istanbul, …", "signed an agreement during the visit": a happening dated by one told before.
    const referred = dates.length === 0 ? DURING.exec(sentence.text) : null;
    if (referred) {
      const kind = referred[2]!.toLowerCase() === 'visit' || referred[2]!.toLowerCase() === 'trip' ? 'VISIT' : 'MEETING';
      const earlier = [...events].reverse().find((e) => e.type === kind)?.start ?? lastNarrativeDate;
      if (earlier) dates.push({ expression: referred[0], index: referred.index, date: earlier, future: false });
    }
    let clauseStart = 0;
    for (const when of dates) {
      const clauseEnd = when.index + when.expression.length;
      // A happening dated by reference is typed by the words before the reference, not by the reference itself.
      const clause = sentence.text.slice(clauseStart, referred ? when.index : clauseEnd);
      clauseStart = clauseEnd;
      const type =
        eventTypeOf(clause, clause.length, context.eventTypes) ?? eventTypeOf(sentence.text, when.index, context.eventTypes) ?? FALLBACK_TYPES.find((c) => context.eventTypes.has(c));
      if (!type) continue;
      let place = mentions.find((m) => m.entity.kind === 'PLACE' && PLACE_PREPOSITION.test(sentence.text.slice(0, m.index)))?.entity.id ?? null;
      let participants = [...new Map(mentions.filter((m) => m.entity.kind !== 'PLACE').map((m) => [m.entity.id, m])).values()].map((m, i) => ({
        entityId: m.entity.id,
        role: i === 0 ? ParticipantRole.AGENT : ParticipantRole.PARTICIPANT,
      }));
      const named = participants.length === 0 && ALREADY_NAMED.test(clause) ? before.get(type) : undefined;
      if (named) {
        participants = named.participants;
        place ??= named.place;
      }
      events.push({
        title: short((dates.length > 1 ? clause : sentence.text).trim().replace(/^(and|but|while)\s+/i, '').replace(/[.!?,]["”’)]?$/, ''), 200),
        type,
        start: when.date,
        timeExpression: when.expression,
        modality: when.future ? EventModality.EXPECTED : EventModality.OCCURRED,
        placeId: place,
        participants,
        span: { start: sentence.start, end: sentence.end },
      });
      eventIndex ??= events.length - 1;
      // "A month earlier" counts back from the story's last dated happening, not from background such as "in 2013".
      if (when.date.precision !== DatePrecision.YEAR) lastNarrativeDate = when.date;
    }

    const { attribution, speaker, label } = discourse.attribute(sentence.text, sentence.block, mentions);
    const speakerLabel = attribution !== Attribution.AUTHOR_ASSERTION && !speaker && !label ? 'an unnamed speaker' : label;

    claims.push({
      text: sentence.text,
      claimantId: attribution === Attribution.AUTHOR_ASSERTION ? null : (speaker?.entity.id ?? null),
      claimantLabel: attribution === Attribution.AUTHOR_ASSERTION ? context.authorLabel : speaker ? null : speakerLabel,
      attribution,
      modality: modalityOf(sentence.text),
      entityIds: [...new Set(mentions.map((m) => m.entity.id))].filter((id) => id !== speaker?.entity.id),
      event: eventIndex,
      span: { start: sentence.start, end: sentence.end },
    });
  }

  return { claims, events, names: [...names.values()].sort((a, b) => b.occurrences - a.occurrences || a.span.start - b.span.start) };
}
