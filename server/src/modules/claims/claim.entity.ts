import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { ProposalState } from '../../core/proposals/proposal-state.js';
import { Node, VersionedRecord } from '../../core/record.js';
import { declareKind, idsIn, type KindInput, type KindState, rowsIn } from '../../core/records/declaration.js';
import { ReviewStatus } from '../../core/review/status.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { SearchVector } from '../../core/sql/search-vector.js';
import type { InputCheck } from '../../core/validation.js';
import { nullOrOneOf, oneOf } from '../../db/checks.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from './claims.enums.js';

@ObjectType({ implements: Node, description: 'A proposition as someone put it in a source.' })
@Entity('claims')
@Check('CHK_claims_text', `length(btrim("text")) > 0`)
@Check('CHK_claims_claimant', `num_nonnulls("claimant_id", "claimant_label") = 1`)
@Check('CHK_claims_attribution', oneOf('attribution', Attribution))
@Check('CHK_claims_modality', oneOf('modality', ClaimModality))
@Check('CHK_claims_rank', oneOf('rank', ClaimRank))
@Check('CHK_claims_status', oneOf('status', ReviewStatus))
@Check('CHK_claims_proposal', nullOrOneOf('proposal', ProposalState))
@Index('IDX_claims_proposals_pending', ['createdAt', 'id'], { where: `"proposal" = 'PENDING'` })
@Check('CHK_claims_credibility', `"credibility" IS NULL OR "credibility" BETWEEN 1 AND 6`)
@Check('CHK_claims_check_worthiness', `"check_worthiness" IS NULL OR "check_worthiness" BETWEEN 0 AND 1`)
@Index('IDX_claims_search', { synchronize: false })
@Index('IDX_claims_status_created', ['status', 'createdAt', 'id'])
@Index('IDX_claims_created', ['createdAt', 'id'])
@Index('IDX_claims_claimant', ['claimantId'])
export class Claim extends VersionedRecord {
  @Field({ description: "The editor's plain statement of the proposition." })
  @Column({ type: 'text' })
  text: string;

  @SearchVector(`to_tsvector('english', "text")`)
  searchVector?: string;

  @Column({ type: 'uuid', nullable: true })
  claimantId: string | null;

  @ManyToOne(() => EntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claimant_id' })
  claimant?: EntityRecord;

  /** For a claimant the source does not name: "a presidential aide". */
  @Field(() => String, { nullable: true, description: 'Who made the claim when the source does not name them: "a presidential aide".' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  claimantLabel: string | null;

  @Field(() => Attribution, { description: "How the source gives it: the claimant's words quoted, reported, or the author's own." })
  @Column({ type: 'varchar', length: 20 })
  attribution: Attribution;

  @Field(() => ClaimModality, { description: 'How firmly the claimant puts it.' })
  @Column({ type: 'varchar', length: 16 })
  modality: ClaimModality;

  @Field(() => Int, { nullable: true, description: 'Admiralty credibility: 1 confirmed … 5 improbable, 6 cannot be judged.' })
  @Column({ type: 'smallint', nullable: true })
  credibility: number | null;

  @Field(() => ClaimRank, { description: 'Its standing among claims on the same matter.' })
  @Column({ type: 'varchar', length: 12, default: ClaimRank.NORMAL })
  rank: ClaimRank;

  @Field(() => Float, {
    nullable: true,
    description: "How worth checking it is, from 0 to 1: an editor's or an importer's estimate; null when no one has said.",
  })
  @Column({ type: 'double precision', nullable: true })
  checkWorthiness: number | null;

  @Field(() => ReviewStatus, {
    description: 'Where it stands in review; anonymous callers and client apps see VERIFIED and RETRACTED claims only.',
  })
  @Column({ type: 'varchar', length: 16, default: ReviewStatus.DRAFT })
  status: ReviewStatus;

  /** Set on a VERIFIED claim while a correction of its source has reworded evidence it was verified on (see `reReview`). */
  @Column({ type: 'timestamptz', nullable: true })
  reReviewPendingSince: Date | null;

  @Field(() => ProposalState, {
    nullable: true,
    description: 'Set when an import proposed it: PENDING until an editor accepts it; null for records made by hand.',
  })
  @Column({ type: 'varchar', length: 12, nullable: true })
  proposal: ProposalState | null;

  /** For a PENDING proposal: the stored claim it says again, which merging it adds its words to as evidence. */
  @Column({ type: 'uuid', nullable: true })
  corroboratesId: string | null;

  @ManyToOne(() => Claim, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corroborates_id' })
  corroborates?: Claim;
}

/** The events a claim is about; part of the claim's state. */
@Entity('claim_events')
@Index('IDX_claim_events_event', ['eventId'])
export class ClaimEvent {
  @PrimaryColumn('uuid')
  claimId: string;

  @PrimaryColumn('uuid')
  eventId: string;

  @ManyToOne(() => Claim, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claim_id' })
  claim?: Claim;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;
}

/** The entities a claim is about; part of the claim's state. */
@Entity('claim_entities')
@Index('IDX_claim_entities_entity', ['entityId'])
export class ClaimEntity {
  @PrimaryColumn('uuid')
  claimId: string;

  @PrimaryColumn('uuid')
  entityId: string;

  @ManyToOne(() => Claim, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claim_id' })
  claim?: Claim;

  @ManyToOne(() => EntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id' })
  entity?: EntityRecord;
}

/** A typed link from one claim to another; part of the linking claim's state. */
@ObjectType({ description: 'A typed link from this claim to another.' })
@Entity('claim_links')
@Check('CHK_claim_links_type', oneOf('type', ClaimLinkType))
@Check('CHK_claim_links_not_self', `"from_claim_id" <> "to_claim_id"`)
@Index('IDX_claim_links_to', ['toClaimId'])
export class ClaimLink {
  @PrimaryColumn('uuid')
  fromClaimId: string;

  @PrimaryColumn('uuid')
  toClaimId: string;

  @Field(() => ClaimLinkType, { description: 'How this claim bears on the one linked to.' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  type: ClaimLinkType;

  @ManyToOne(() => Claim, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_claim_id' })
  fromClaim?: Claim;

  @ManyToOne(() => Claim, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_claim_id' })
  toClaim?: Claim;
}

export type ClaimLinkState = Pick<ClaimLink, 'toClaimId' | 'type'>;

const uniqueIds = (check: InputCheck, ids: string[], field: string) =>
  [...new Set(ids.map((id, i) => check.id(`${field}[${i}]`, id)))].sort();

/**
 * A claim's state is its row and three link tables. A change reads it with its version bump and writes it in
 * one statement, which answers it as written: an edit is a few round trips, not one per table and way.
 * Whether the claimant is named once, and what the references lead to, the service checks.
 */
export const ClaimRecord = declareKind(RecordType.CLAIM, Claim, {
  fields: {
    text: { empty: '', revertable: true, exported: true, check: (check, text, field) => check.text(field, text, { max: 10000 }) },
    claimantLabel: {
      empty: null,
      revertable: true,
      exported: 'claimant',
      check: (check, label, field) => check.optionalText(field, label, { max: 300 }),
    },
    claimantId: { empty: null, revertable: true, exported: true, check: (check, id, field) => (id ? check.id(field, id) : null) },
    attribution: {
      empty: Attribution.AUTHOR_ASSERTION,
      revertable: true,
      exported: true,
      check: (check, value, field) => check.oneOf(field, value, Attribution),
    },
    modality: {
      empty: ClaimModality.ASSERTED,
      revertable: true,
      exported: true,
      check: (check, value, field) => check.oneOf(field, value, ClaimModality),
    },
    credibility: {
      empty: null,
      revertable: true,
      exported: true,
      check: (check, value, field) => (value == null ? null : check.integer(field, value, 1, 6)),
    },
    rank: {
      empty: ClaimRank.NORMAL,
      revertable: true,
      exported: true,
      check: (check, value, field) => check.oneOf(field, value ?? ClaimRank.NORMAL, ClaimRank),
    },
    checkWorthiness: {
      empty: null,
      revertable: true,
      exported: true,
      check(check, value, field) {
        if (value != null && !(value >= 0 && value <= 1)) check.fail(field, 'must be a number from 0 to 1');
        return value ?? null;
      },
    },
    status: { empty: ReviewStatus.DRAFT, workflow: true, exported: true },
    reReviewPendingSince: { empty: null, workflow: true, exported: 're_review_pending_since' },
    proposal: { empty: null, workflow: true },
    corroboratesId: { empty: null, workflow: true },
  },
  links: {
    eventIds: idsIn(ClaimEvent, 'claimId', 'eventId', { revertable: true, check: uniqueIds }),
    entityIds: idsIn(ClaimEntity, 'claimId', 'entityId', { revertable: true, check: uniqueIds }),
    links: rowsIn(ClaimLink, 'fromClaimId', ['toClaimId', 'type'], {
      revertable: true,
      check(check, links, field) {
        const unique: ClaimLinkState[] = [];
        links.forEach((link, i) => {
          const normalised = {
            type: check.oneOf(`${field}[${i}].type`, link.type, ClaimLinkType),
            toClaimId: check.id(`${field}[${i}].toClaimId`, link.toClaimId),
          };
          if (!unique.some((l) => l.type === normalised.type && l.toClaimId === normalised.toClaimId)) unique.push(normalised);
        });
        return unique.sort((a, b) => a.toClaimId.localeCompare(b.toClaimId) || a.type.localeCompare(b.type));
      },
    }),
  },
});

export type ClaimState = KindState<typeof ClaimRecord>;
/** What an editor sets on a claim; status and proposal are the workflows'. */
export type ClaimInput = KindInput<typeof ClaimRecord>;
