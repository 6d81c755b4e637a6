import { Field, InputType, ObjectType } from 'type-graphql';

import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { EntityKind } from './entities.enums.js';
import { EntityRecord } from './entity.entity.js';

export const EntityConnection = connectionType(EntityRecord, 'Entity');

@ObjectType({ description: "An entity's identifier in another registry." })
export class ExternalId {
  @Field({ description: 'The registry: "wikidata", say.' })
  scheme: string;

  @Field({ description: 'Its identifier there: "Q7747".' })
  value: string;
}

@InputType({ description: "An entity's identifier in another registry; each scheme at most once per entity." })
export class ExternalIdInput {
  @Field({ description: 'The registry, in lower case: "wikidata", "geonames".' })
  scheme: string;

  @Field({ description: 'Its identifier there; for "wikidata", an item id such as "Q7747".' })
  value: string;
}

@InputType({ description: 'A new entity.' })
export class CreateEntityInput {
  @Field({ description: 'Its main name; at most 300 characters.' })
  name: string;

  @Field(() => EntityKind, { description: 'What kind of entity it is.' })
  kind: EntityKind;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names it goes by; repeats and the main name itself are dropped. At most 100.',
  })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'A short note on who or what it is, to tell namesakes apart.' })
  description?: string | null;

  @Field(() => [ExternalIdInput], { nullable: true, description: 'Its identifiers in other registries.' })
  externalIds?: ExternalIdInput[];

  @Field(() => String, { nullable: true, description: 'The edit summary, kept in the revision.' })
  reason?: string | null;
}

@InputType({ description: 'Left-out fields stay as they are; a list given replaces the whole list.' })
export class UpdateEntityInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Its main name.' })
  name?: string;

  @Field(() => EntityKind, { nullable: true, description: 'What kind of entity it is.' })
  kind?: EntityKind;

  @Field(() => [String], { nullable: true, description: 'Every other name it goes by: replaces the list.' })
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'A short note on who or what it is; null clears it.' })
  description?: string | null;

  @Field(() => [ExternalIdInput], { nullable: true, description: 'Every identifier in other registries: replaces the list.' })
  externalIds?: ExternalIdInput[];
}

@InputType({ description: 'Every condition given must hold.' })
export class EntityFilter {
  @Field(() => [EntityKind], { nullable: true, description: 'Entities of any of these kinds.' })
  kind?: EntityKind[] | null;
}
