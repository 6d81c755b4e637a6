import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { EntityKind } from './entities.enums.js';
import { EntityRecord } from './entity.entity.js';

export const EntityConnection = connectionType(EntityRecord, 'Entity');

@ObjectType({ description: "An entity's identifier in another registry." })
export class ExternalId {
  @Field({ description: 'The registry: "wikidata", say.' })
  scheme: string;

  @Field()
  value: string;
}

@InputType()
export class ExternalIdInput {
  @Field()
  scheme: string;

  @Field()
  value: string;
}

@InputType()
export class CreateEntityInput {
  @Field()
  name: string;

  @Field(() => EntityKind)
  kind: EntityKind;

  @Field(() => [String], { nullable: true })
  aliases?: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ExternalIdInput], { nullable: true })
  externalIds?: ExternalIdInput[];

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType({ description: 'Left-out fields stay as they are; a list given replaces the whole list.' })
export class UpdateEntityInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => EntityKind, { nullable: true })
  kind?: EntityKind;

  @Field(() => [String], { nullable: true })
  aliases?: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ExternalIdInput], { nullable: true })
  externalIds?: ExternalIdInput[];
}

@InputType({ description: 'Merges `loserId` into `winnerId`: the loser stays as a redirect, and every reference to it moves to the winner.' })
export class MergeEntitiesInput {
  @Field(() => ID)
  winnerId: string;

  @Field(() => Int)
  winnerExpectedVersion: number;

  @Field(() => ID)
  loserId: string;

  @Field(() => Int)
  loserExpectedVersion: number;

  @Field({ description: 'Why they are the same.' })
  reason: string;
}

@InputType()
export class EntityFilter {
  @Field(() => [EntityKind], { nullable: true })
  kind?: EntityKind[] | null;
}
