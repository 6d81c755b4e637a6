import { ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import type { TextSelector } from '../../core/anchoring/text-quote.js';
import { Node, VersionedRecord } from '../../core/record.js';
import { composite, declareKind, type KindState } from '../../core/records/declaration.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { VerifiedQuote } from '../../core/visibility/visibility.js';
import { oneOf } from '../../db/checks.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { AnchorStatus } from './evidence.enums.js';

/**
 * Ties a claim or an event to words in a source revision, with a W3C Web Annotation TextQuoteSelector
 * (`exact`, `prefix`, `suffix`) and TextPositionSelector (`start`, `end`: 0-based code points, end excluded).
 * A trigger checks that an ANCHORED selector's positions hold its exact words.
 */
@ObjectType({ implements: Node, description: 'The words in a source revision that a claim or an event rests on.' })
@Entity('evidence')
@Check('CHK_evidence_subject', `num_nonnulls("claim_id", "event_id") = 1`)
@Check('CHK_evidence_range', `0 <= "start_pos" AND "start_pos" < "end_pos"`)
@Check('CHK_evidence_exact', `length("exact") > 0`)
@Check('CHK_evidence_anchor_status', oneOf('anchor_status', AnchorStatus))
@Check('CHK_evidence_anchored_length', `"anchor_status" <> 'ANCHORED' OR length("exact") = "end_pos" - "start_pos"`)
@Index('IDX_evidence_claim', ['claimId'])
@Index('IDX_evidence_event', ['eventId'])
@Index('IDX_evidence_source_revision', ['sourceRevisionId'])
export class Evidence extends VersionedRecord {
  @Column({ type: 'uuid', nullable: true })
  claimId: string | null;

  // Claims and events sit above evidence: their relations name them by string and are never loaded, only
  // declared for the foreign keys.
  @ManyToOne('Claim', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claim_id' })
  claim?: unknown;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @ManyToOne('Event', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: unknown;

  @Column('uuid')
  sourceRevisionId: string;

  @ManyToOne(() => SourceRevision, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'source_revision_id' })
  sourceRevision?: SourceRevision;

  @Column({ type: 'text' })
  exact: string;

  @Column({ type: 'text', default: '' })
  prefix: string;

  @Column({ type: 'text', default: '' })
  suffix: string;

  @Column({ type: 'int' })
  startPos: number;

  @Column({ type: 'int' })
  endPos: number;

  @Column({ type: 'varchar', length: 12, default: AnchorStatus.ANCHORED })
  anchorStatus: AnchorStatus;

  /**
   * Set while its claim or event is VERIFIED and awaits re-review because a correction of the source reworded
   * these words: the words, and the snapshot, it was verified on. Client apps read these (core/visibility).
   */
  @Column({ type: 'jsonb', nullable: true })
  verifiedQuote: VerifiedQuote | null;
}

/** The service anchors the selector in its revision's text and checks what the evidence supports. */
export const EvidenceRecord = declareKind(RecordType.EVIDENCE, Evidence, {
  fields: {
    claimId: { empty: null },
    eventId: { empty: null },
    sourceRevisionId: { empty: '', revertable: true },
    anchorStatus: { empty: AnchorStatus.ANCHORED, revertable: true },
    verifiedQuote: { empty: null, workflow: true },
  },
  composites: {
    selector: composite(Evidence, {
      columns: ['exact', 'prefix', 'suffix', 'startPos', 'endPos'],
      empty: { exact: '', prefix: '', suffix: '', start: 0, end: 0 },
      revertable: true,
      toState: (row): TextSelector => ({ exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.startPos, end: row.endPos }),
      toRow: (selector) => ({
        exact: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        startPos: selector.start,
        endPos: selector.end,
      }),
    }),
  },
});

export type EvidenceState = KindState<typeof EvidenceRecord>;
