import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../core/paging/connection.js';
import { EntityRecord } from './entity.entity.js';

export const EntityConnection = connectionType(EntityRecord, 'Entity');

@ObjectType({ description: "An entity's identifier in another registry." })
export class ExternalId {
  @Field({ description: 'The registry: "wikidata", say.' })
  scheme: string;

  @Field()
  value: string;
}
