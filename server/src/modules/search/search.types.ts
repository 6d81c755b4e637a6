import { ArgsType, createUnionType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../core/paging/connection.js';
import { Claim } from '../claims/claim.entity.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { Source } from '../sources/source.entity.js';

export enum SearchType {
  CLAIM = 'CLAIM',
  EVENT = 'EVENT',
  ENTITY = 'ENTITY',
  SOURCE = 'SOURCE',
}

registerEnumType(SearchType, { name: 'SearchType' });

export const SearchRecord = createUnionType({
  name: 'SearchRecord',
  types: () => [Claim, Event, EntityRecord, Source] as const,
  resolveType: (value) => [Claim, Event, EntityRecord, Source].find((type) => value instanceof type),
});

@ObjectType({ description: 'One match: the record, how well it matched, and where.' })
export class SearchHit {
  @Field(() => SearchType)
  type: SearchType;

  @Field(() => SearchRecord)
  record: Claim | Event | EntityRecord | Source;

  @Field(() => Float, { description: 'Relevance from 0 to 1; a name matched as typed scores 1.' })
  score: number;

  @Field({ description: 'The matching words in context, HTML-escaped, with matches in <mark> … </mark>.' })
  snippet: string;
}

@ObjectType()
export class SearchEdge {
  @Field()
  cursor: string;

  @Field(() => SearchHit)
  node: SearchHit;
}

@ObjectType()
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words, "a phrase", or -excluded words; names match as you type.' })
  query: string;

  @Field(() => [SearchType], { nullable: true, description: 'Which kinds of record; all when left out.' })
  types?: SearchType[] | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

