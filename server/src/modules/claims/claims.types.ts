import { Field, ID, InputType, Int } from 'type-graphql';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
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
