import type { EntityManager } from 'typeorm';

import type { DatePrecision } from '../../core/dates/precision.js';
import { ProposalState } from '../../core/proposals/proposal-state.js';
import type { Attribution } from '../claims/claims.enums.js';
import { bestCorroboration, bestEventMatch, claimSimilarity, type EventLike, sameStory, type StoryTrace } from './corroborate.js';
import type { Gazetteer } from './gazetteer.js';
import { type ClaimProposal, entityIdsOf, type EventProposal, type Proposals } from './propose.js';
import { contentWords, lexiconOf } from './rewording.js';
import type { KnownDate } from './time-expressions.js';

/** Candidates a full-text query offers for each proposed claim, before they are compared word by word. */
const CANDIDATES = 20;
/** A reprint's claim is its first copy's when they say the same this closely (word for word, or an edit's worth). */
const SAME_WORDS = 0.9;

interface StoredClaim {
  id: string;
  text: string;
  claimantId: string | null;
  attribution: Attribution;
  pending: boolean;
  /** A proposal that itself corroborates another claim: a reprint's copy to fold into, never offered as the stored claim. */
  corroborating: boolean;
  sourceIds: string[];
}

interface StoredEvent extends EventLike {
  id: string;
  pending: boolean;
  corroborating: boolean;
  sourceIds: string[];
}

/** What the import does with one proposal: propose it as new, as corroboration of a stored record, or fold it. */
export type Disposition =
  | { kind: 'new' }
  | { kind: 'corroborates'; id: string; similarity?: number; raisesPrecision?: boolean }
  /** A reprint's proposal: its words join the first copy's pending proposal, nothing new is proposed. */
  | { kind: 'folded'; id: string }
  /** A reprint's words its first copy had and an editor already settled: not proposed twice. */
  | { kind: 'dropped' };

export interface CrossSourceReading {
  claims: Disposition[];
  events: Disposition[];
  /** The story's first source, when this one joins a stored story. */
  storyId: string | null;
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Reads an import's proposals against the store: stored claims said again (full-text candidates compared word by
 * word, claimant fitting), stored events told again, the story the source joins, and for a reprint, which of its
 * proposals its first copy already holds.
 */
export async function readAcrossSources(
  manager: EntityManager,
  text: string,
  proposals: Proposals,
  publication: KnownDate | null,
  reprint: { sourceId: string; storyId: string | null; text: string } | null,
  gazetteer: Gazetteer,
): Promise<CrossSourceReading> {
  const codePoints = Array.from(text);
  const original = reprint ? normalised(reprint.text) : '';
  const claims: Disposition[] = [];
  const corroborated = new Map<string, number>();
  const count = (sourceIds: string[]) => sourceIds.forEach((id) => corroborated.set(id, (corroborated.get(id) ?? 0) + 1));
  const candidates: StoredClaim[][] = [];
  for (const claim of proposals.claims) candidates.push(await storedClaimsLike(manager, claim));
  // Acronyms spelled out in the new text or in a stored claim hold for both; names and aliases are the store's.
  const lexicon = lexiconOf([text, ...new Set(candidates.flat().map((s) => s.text))], gazetteer);
  for (const [index, claim] of proposals.claims.entries()) {
    const stored = candidates[index]!;
    const inOriginal = reprint !== null && original.includes(normalised(claim.text));
    const best = bestCorroboration(
      claim,
      stored.filter((s) => !s.corroborating),
      lexicon,
    );
    if (inOriginal) {
      const copy = stored.find((s) => s.sourceIds.includes(reprint.sourceId) && claimSimilarity(s.text, claim.text) >= SAME_WORDS);
      if (copy?.pending) claims.push({ kind: 'folded', id: copy.id });
      else if (best && !best.claim.sourceIds.includes(reprint.sourceId)) claims.push({ kind: 'corroborates', id: best.claim.id });
      else claims.push({ kind: 'dropped' });
      continue;
    }
    if (best) {
      count(best.claim.sourceIds);
      claims.push({ kind: 'corroborates', id: best.claim.id, similarity: best.similarity });
    } else claims.push({ kind: 'new' });
  }

  const events: Disposition[] = [];
  for (const event of proposals.events) {
    const stored = await storedEventsLike(manager, event);
    const best = bestEventMatch(
      asEventLike(event),
      stored.filter((s) => !s.corroborating),
    );
    if (reprint !== null && original.includes(normalised(codePoints.slice(event.span.start, event.span.end).join('')))) {
      const copy = stored.find((s) => s.sourceIds.includes(reprint.sourceId));
      if (copy?.pending) events.push({ kind: 'folded', id: copy.id });
      else events.push({ kind: 'dropped' });
      continue;
    }
    if (best) {
      count(best.event.sourceIds);
      events.push({ kind: 'corroborates', id: best.event.id, raisesPrecision: best.raisesPrecision });
    } else events.push({ kind: 'new' });
  }

  const storyId = reprint ? (reprint.storyId ?? reprint.sourceId) : await storyOf(manager, proposals, publication, corroborated);
  return { claims, events, storyId };
}

const asEventLike = (event: EventProposal): EventLike => ({
  type: event.type,
  start: event.start,
  modality: event.modality,
  participants: entityIdsOf(event.participants),
});

/** Stored claims sharing the proposal's rarer words, as PostgreSQL's full-text index finds them, best ranked first. */
async function storedClaimsLike(manager: EntityManager, claim: ClaimProposal): Promise<StoredClaim[]> {
  const words = contentWords(claim.text).filter((w) => /^[\p{L}\p{N}]+$/u.test(w) && w.length > 2);
  if (words.length < 3) return [];
  const rows: Array<{
    id: string;
    text: string;
    claimant_id: string | null;
    attribution: Attribution;
    proposal: string | null;
    corroborates_id: string | null;
    source_ids: string[];
  }> = await manager.query(
    `SELECT c.id, c.text, c.claimant_id, c.attribution, c.proposal, c.corroborates_id, array_agg(DISTINCT sr.source_id) AS source_ids
         FROM claims c
         JOIN evidence e ON e.claim_id = c.id AND e.deleted_at IS NULL
         JOIN source_revisions sr ON sr.id = e.source_revision_id
        WHERE c.deleted_at IS NULL AND c.search_vector @@ to_tsquery('english', $1)
        GROUP BY c.id
        ORDER BY ts_rank(c.search_vector, to_tsquery('english', $1)) DESC, c.id
        LIMIT ${CANDIDATES}`,
    [words.join(' | ')],
  );
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    claimantId: r.claimant_id,
    attribution: r.attribution,
    pending: r.proposal === ProposalState.PENDING,
    corroborating: r.corroborates_id !== null,
    sourceIds: r.source_ids,
  }));
}

/** Stored events of the proposal's type with someone taking part in both. */
async function storedEventsLike(manager: EntityManager, event: EventProposal): Promise<StoredEvent[]> {
  const participants = entityIdsOf(event.participants);
  if (participants.length === 0) return [];
  const rows: Array<{
    id: string;
    type_code: string;
    start_date: string | null;
    start_precision: DatePrecision | null;
    modality: string;
    proposal: string | null;
    corroborates_id: string | null;
    participants: string[];
    source_ids: string[];
  }> = await manager.query(
    `SELECT ev.id, ev.type_code, to_char(ev.start_date, 'YYYY-MM-DD') AS start_date, ev.start_precision, ev.modality, ev.proposal, ev.corroborates_id,
            (SELECT array_agg(DISTINCT p.entity_id) FROM event_participants p WHERE p.event_id = ev.id AND p.entity_id IS NOT NULL) AS participants,
            (SELECT array_agg(DISTINCT sr.source_id) FROM evidence e JOIN source_revisions sr ON sr.id = e.source_revision_id
              WHERE e.event_id = ev.id AND e.deleted_at IS NULL) AS source_ids
       FROM events ev
      WHERE ev.deleted_at IS NULL AND ev.type_code = $1
        AND EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = ev.id AND p.entity_id = ANY($2::uuid[]))
      ORDER BY ev.created_at, ev.id
      LIMIT 50`,
    [event.type, participants],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type_code,
    start: r.start_date && r.start_precision ? { date: r.start_date, precision: r.start_precision } : null,
    modality: r.modality,
    participants: r.participants ?? [],
    pending: r.proposal === ProposalState.PENDING,
    corroborating: r.corroborates_id !== null,
    sourceIds: r.source_ids ?? [],
  }));
}

/**
 * The story a new source joins: among stored sources naming some of the same entities, the one sharing most with
 * it whose dates (publication, happenings told) fall within days of its own; the story is that source's first.
 */
async function storyOf(
  manager: EntityManager,
  proposals: Proposals,
  publication: KnownDate | null,
  corroborated: Map<string, number>,
): Promise<string | null> {
  const entityIds = new Set<string>([
    ...proposals.claims.flatMap((c) => [...c.entityIds, ...(c.claimantId ? [c.claimantId] : [])]),
    ...proposals.events.flatMap((e) => [...entityIdsOf(e.participants), ...(e.placeId ? [e.placeId] : [])]),
  ]);
  if (entityIds.size === 0) return null;
  const mine: StoryTrace = { entityIds, dates: [...(publication ? [publication] : []), ...proposals.events.map((e) => e.start)] };
  const rows: Array<{
    source_id: string;
    story_id: string | null;
    entity_ids: string[];
    dates: Array<{ date: string; precision: DatePrecision }> | null;
  }> = await manager.query(
    `WITH named AS (
       SELECT e.source_revision_id AS revision_id, ce.entity_id
         FROM claim_entities ce JOIN evidence e ON e.claim_id = ce.claim_id AND e.deleted_at IS NULL
        WHERE ce.entity_id = ANY($1::uuid[])
       UNION
       SELECT e.source_revision_id, c.claimant_id
         FROM claims c JOIN evidence e ON e.claim_id = c.id AND e.deleted_at IS NULL
        WHERE c.claimant_id = ANY($1::uuid[]) AND c.deleted_at IS NULL
       UNION
       SELECT e.source_revision_id, p.entity_id
         FROM event_participants p JOIN evidence e ON e.event_id = p.event_id AND e.deleted_at IS NULL
        WHERE p.entity_id = ANY($1::uuid[])
     )
     SELECT s.id AS source_id, s.story_id, array_agg(DISTINCT named.entity_id) AS entity_ids,
            (SELECT json_agg(json_build_object('date', d.date, 'precision', d.precision)) FROM (
               SELECT to_char(s.published_at, 'YYYY-MM-DD') AS date, s.published_precision AS precision WHERE s.published_at IS NOT NULL
               UNION
               SELECT to_char(ev.start_date, 'YYYY-MM-DD'), ev.start_precision
                 FROM evidence e JOIN source_revisions r ON r.id = e.source_revision_id JOIN events ev ON ev.id = e.event_id
                WHERE r.source_id = s.id AND e.deleted_at IS NULL AND ev.deleted_at IS NULL AND ev.start_date IS NOT NULL) d) AS dates
       FROM named JOIN source_revisions sr ON sr.id = named.revision_id JOIN sources s ON s.id = sr.source_id AND s.deleted_at IS NULL
      GROUP BY s.id, s.story_id
      ORDER BY count(DISTINCT named.entity_id) DESC, s.created_at, s.id
      LIMIT 20`,
    [[...entityIds]],
  );
  const joined = rows.filter((row) =>
    sameStory(mine, { entityIds: new Set(row.entity_ids), dates: row.dates ?? [] }, corroborated.get(row.source_id) ?? 0),
  );
  const best = joined.sort((a, b) => (corroborated.get(b.source_id) ?? 0) - (corroborated.get(a.source_id) ?? 0))[0];
  return best ? (best.story_id ?? best.source_id) : null;
}
