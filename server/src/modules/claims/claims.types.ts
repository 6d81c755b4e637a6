import { Field, ID, InputType, Int } from 'type-graphql';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { ReviewStatus } from '../review/review.enums.js';
import { Claim } from './claim.entity.js';
import { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from './claims.enums.js';

export const ClaimConnection = connectionType(Claim, 'Claim');

@InputType()
export class ClaimLinkInput {
  @Field(() => ClaimLinkType)
  type: ClaimLinkType;

  @Field(() => ID)
  toClaimId: string;
}

@InputType({ description: 'Name the claimant by `claimantId`, or describe an unnamed one by `claimantLabel`: one of the two.' })
export class CreateClaimInput {
  @Field({ description: "The editor's plain statement of the proposition." })
  text: string;

  @Field(() => ID, { nullable: true })
  claimantId?: string | null;

  @Field(() => String, { nullable: true })
  claimantLabel?: string | null;

  @Field(() => Attribution)
  attribution: Attribution;

  @Field(() => ClaimModality)
  modality: ClaimModality;

  @Field(() => Int, { nullable: true })
  credibility?: number | null;

  @Field(() => ClaimRank, { nullable: true })
  rank?: ClaimRank | null;

  @Field(() => [ID], { nullable: true })
  eventIds?: string[];

  @Field(() => [ID], { nullable: true })
  entityIds?: string[];

  @Field(() => [ClaimLinkInput], { nullable: true })
  links?: ClaimLinkInput[];

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType({ description: 'Left-out fields stay as they are; a list given replaces the whole list.' })
export class UpdateClaimInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  text?: string;

  @Field(() => ID, { nullable: true })
  claimantId?: string | null;

  @Field(() => String, { nullable: true })
  claimantLabel?: string | null;

  @Field(() => Attribution, { nullable: true })
  attribution?: Attribution;

  @Field(() => ClaimModality, { nullable: true })
  modality?: ClaimModality;

  @Field(() => Int, { nullable: true })
  credibility?: number | null;

  @Field(() => ClaimRank, { nullable: true })
  rank?: ClaimRank;

  @Field(() => [ID], { nullable: true })
  eventIds?: string[];

  @Field(() => [ID], { nullable: true })
  entityIds?: string[];

  @Field(() => [ClaimLinkInput], { nullable: true })
  links?: ClaimLinkInput[];
}

@InputType({ description: 'Every condition given must hold.' })
export class ClaimFilter {
  @Field(() => [ReviewStatus], { nullable: true })
  status?: ReviewStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Claims made by this entity.' })
  claimantId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims about this entity.' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims about this event.' })
  eventId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Claims with evidence in this source.' })
  sourceId?: string | null;

  @Field(() => [Attribution], { nullable: true })
  attribution?: Attribution[] | null;

  @Field(() => [ClaimModality], { nullable: true })
  modality?: ClaimModality[] | null;

  @Field(() => [ClaimRank], { nullable: true })
  rank?: ClaimRank[] | null;
}
