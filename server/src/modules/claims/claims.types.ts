import { Field, Float, ID, InputType, Int } from 'type-graphql';

import { connectionType } from '../../core/paging/connection.js';
import { ProposalState } from '../../core/proposals/proposal-state.js';
import { ReviewStatus } from '../../core/review/status.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { EvidenceSelectionInput } from '../evidence/evidence.types.js';
import { Claim } from './claim.entity.js';
import { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from './claims.enums.js';

export const ClaimConnection = connectionType(Claim, 'Claim');

@InputType({ description: 'A typed link to another claim.' })
export class ClaimLinkInput {
  @Field(() => ClaimLinkType, { description: 'How this claim bears on the other.' })
  type: ClaimLinkType;

  @Field(() => ID, { description: 'The other claim; not this one.' })
  toClaimId: string;
}

@InputType({ description: 'Name the claimant by `claimantId`, or describe an unnamed one by `claimantLabel`: one of the two.' })
export class CreateClaimInput {
  @Field({ description: "The editor's plain statement of the proposition." })
  text: string;

  @Field(() => ID, { nullable: true, description: 'The claimant entity, when the source names them.' })
  claimantId?: string | null;

  @Field(() => String, { nullable: true, description: 'The claimant as the source describes an unnamed one: "a presidential aide".' })
  claimantLabel?: string | null;

  @Field(() => Attribution, { description: "How the source gives it: the claimant's words quoted, reported, or the author's own." })
  attribution: Attribution;

  @Field(() => ClaimModality, { description: 'How firmly the claimant puts it.' })
  modality: ClaimModality;

  @Field(() => Int, { nullable: true, description: 'Admiralty credibility, 1 (confirmed) to 6 (cannot be judged).' })
  credibility?: number | null;

  @Field(() => ClaimRank, { nullable: true, description: 'NORMAL when left out.' })
  rank?: ClaimRank | null;

  @Field(() => Float, { nullable: true, description: 'How worth checking it is, from 0 to 1.' })
  checkWorthiness?: number | null;

  @Field(() => [ID], { nullable: true, description: 'The events it is about.' })
  eventIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'The entities it is about.' })
  entityIds?: string[];

  @Field(() => [ClaimLinkInput], { nullable: true, description: 'Its links to other claims.' })
  links?: ClaimLinkInput[];

  @Field(() => [EvidenceSelectionInput], {
    nullable: true,
    description:
      'The words it rests on, anchored with it in one transaction: the claim is not made if any of them is not in the text. At most 20.',
  })
  evidence?: EvidenceSelectionInput[];

  @Field(() => String, { nullable: true, description: 'The edit summary, kept in the revision.' })
  reason?: string | null;
}

@InputType({ description: 'Left-out fields stay as they are; a list given replaces the whole list.' })
export class UpdateClaimInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: "The editor's plain statement of the proposition." })
  text?: string;

  @Field(() => ID, { nullable: true, description: 'The claimant entity; to switch to a label, null this and give `claimantLabel`.' })
  claimantId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An unnamed claimant as the source describes them; to switch to an entity, null this and give `claimantId`.',
  })
  claimantLabel?: string | null;

  @Field(() => Attribution, {
    nullable: true,
    description: "How the source gives it: the claimant's words quoted, reported, or the author's own.",
  })
  attribution?: Attribution;

  @Field(() => ClaimModality, { nullable: true, description: 'How firmly the claimant puts it.' })
  modality?: ClaimModality;

  @Field(() => Int, { nullable: true, description: 'Admiralty credibility, 1 (confirmed) to 6 (cannot be judged); null clears it.' })
  credibility?: number | null;

  @Field(() => ClaimRank, { nullable: true, description: 'Its standing among claims on the same matter.' })
  rank?: ClaimRank;

  @Field(() => Float, { nullable: true, description: 'How worth checking it is, from 0 to 1; null clears it.' })
  checkWorthiness?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Every event it is about: replaces the list.' })
  eventIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Every entity it is about: replaces the list.' })
  entityIds?: string[];

  @Field(() => [ClaimLinkInput], { nullable: true, description: 'All its links to other claims: replaces the list.' })
  links?: ClaimLinkInput[];
}

@InputType({ description: 'Every condition given must hold.' })
export class ClaimFilter {
  @Field(() => [ReviewStatus], {
    nullable: true,
    description: 'Claims in any of these review statuses (anonymous callers and client apps only ever get VERIFIED and RETRACTED).',
  })
  status?: ReviewStatus[] | null;

  @Field(() => [ProposalState], { nullable: true, description: 'Claims an import proposed, PENDING (waiting for an editor) or ACCEPTED.' })
  proposal?: ProposalState[] | null;

  @Field(() => ID, { nullable: true, description: 'Claims made by this entity.' })
  claimantId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims about this entity.' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims about this event.' })
  eventId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims with evidence in this source.' })
  sourceId?: string | null;

  @Field(() => [Attribution], { nullable: true, description: 'Claims given in any of these ways.' })
  attribution?: Attribution[] | null;

  @Field(() => [ClaimModality], { nullable: true, description: 'Claims with any of these modalities.' })
  modality?: ClaimModality[] | null;

  @Field(() => [ClaimRank], { nullable: true, description: 'Claims of any of these ranks.' })
  rank?: ClaimRank[] | null;
}
