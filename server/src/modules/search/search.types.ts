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

registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'The kinds of record search covers.',
  valuesConfig: {
    CLAIM: { description: 'Claims, by their text.' },
    EVENT: { description: 'Events, by title and summary.' },
    ENTITY: { description: 'Entities, by name and aliases, matched as typed.' },
    SOURCE: { description: 'Sources, by title (matched as typed) and current text.' },
  },
});

export const SearchRecord = createUnionType({
  name: 'SearchRecord',
  description: 'The record a search hit is: a claim, an event, an entity or a source.',
  types: () => [Claim, Event, EntityRecord, Source] as const,
});

@ObjectType({ description: 'One match: the record, how well it matched, and where.' })
export class SearchHit {
  @Field(() => SearchType, { description: 'The kind of record matched.' })
  type: SearchType;

  @Field(() => SearchRecord, { description: 'The record matched.' })
  record: Claim | Event | EntityRecord | Source;

  @Field(() => Float, { description: 'Relevance from 0 to 1; a name matched as typed scores 1.' })
  score: number;

  @Field({
    description:
      'The matching words in context, HTML-escaped, with matches in <mark> … </mark>; for an entity, its name and aliases, unmarked.',
  })
  snippet: string;
}

@ObjectType({ description: 'One search hit in a page of results, with the cursor that marks its place.' })
export class SearchEdge {
  @Field({ description: 'Pass as `after` to get the hits that follow this one.' })
  cursor: string;

  @Field(() => SearchHit, { description: 'The hit.' })
  node: SearchHit;
}

@ObjectType({
  description:
    'One page of search hits, best first. No total: at most 200 matches of each kind are taken (as the index finds them), then ranked.',
})
export class SearchConnection {
  @Field(() => [SearchEdge], { description: 'The hits on this page, best first.' })
  edges: SearchEdge[];

  @Field(() => PageInfo, { description: 'Whether more hits follow, and the cursors to page on with.' })
  pageInfo: PageInfo;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words, "a phrase", or -excluded words; names match as you type. 1 to 200 characters.' })
  query: string;

  @Field(() => [SearchType], { nullable: true, description: 'Which kinds of record; all when left out.' })
  types?: SearchType[] | null;

  @Field(() => Int, { nullable: true, description: 'At most 100; 25 when left out.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the last edge already seen.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The last hits before `before` (or up to the end), best first: at most 100; not with `first`.',
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the first edge already seen, to page backwards from.' })
  before?: string | null;
}
