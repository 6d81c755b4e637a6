import type { DatePrecision } from '../core/dates/precision.js';
import type { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from '../modules/claims/claims.enums.js';
import type { EntityKind } from '../modules/entities/entities.enums.js';
import type { EventModality, ParticipantRole } from '../modules/events/events.enums.js';
import type { PublicationDateBasis, Reliability, SourceKind } from '../modules/sources/sources.enums.js';

/** The shape of a curated seed file (`seeds/*.yaml`): a source and the records drawn from it, by key. */
export interface CuratedFile {
  source: {
    key: string;
    file: string;
    title: string;
    url?: string | null;
    publisher?: string | null;
    author?: string | null;
    publishedAt?: string | null;
    publishedPrecision?: DatePrecision | null;
    publishedKnownBy?: PublicationDateBasis | null;
    publishedNote?: string | null;
    language: string;
    kind: SourceKind;
    reliability?: Reliability | null;
    reliabilityNote?: string | null;
  };
  eventTypes?: Array<{ code: string; label: string; description?: string | null }>;
  entities?: Array<{
    key: string;
    name: string;
    kind: EntityKind;
    aliases?: string[];
    description?: string | null;
    externalIds?: Record<string, string>;
  }>;
  events?: Array<{
    key: string;
    title: string;
    type: string;
    summary?: string | null;
    start?: string | null;
    startPrecision?: DatePrecision | null;
    end?: string | null;
    endPrecision?: DatePrecision | null;
    timeExpression?: string | null;
    place?: string | null;
    participants?: Array<{ entity: string; role: ParticipantRole }>;
    parent?: string | null;
    modality: EventModality;
    evidence: CuratedQuote[];
  }>;
  claims?: Array<{
    key: string;
    text: string;
    claimant?: string | null;
    claimantLabel?: string | null;
    attribution: Attribution;
    modality: ClaimModality;
    aboutEvents?: string[];
    aboutEntities?: string[];
    credibility?: number | null;
    rank?: ClaimRank | null;
    links?: Array<{ type: ClaimLinkType; target: string }>;
    evidence: CuratedQuote[];
  }>;
  review?: {
    default: CuratedReview;
    records?: Record<string, CuratedReview>;
  };
}

export interface CuratedReview {
  /** false: the curator has not sent the record to review, and it stays a DRAFT. */
  submit?: boolean;
  /** null: sent to review and still waiting. */
  decision?: 'VERIFY' | 'DISPUTE' | 'REJECT' | null;
  comment?: string;
}

export interface CuratedQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}
