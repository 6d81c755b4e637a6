import type { DataSource } from 'typeorm';

import { seesUnreviewed, type Viewer } from '../../core/access/viewer.js';
import { BadInputError } from '../../core/errors.js';
import { pageDirection } from '../../core/paging/connection.js';
import { PUBLIC_STATUSES } from '../../core/review/status.js';
import { preparedQuery } from '../../core/sql/prepared.js';
import { projection } from '../../core/sql/projection.js';
import type { Selection } from '../../core/sql/selection.js';
import { Claim } from '../claims/claim.entity.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { Source } from '../sources/source.entity.js';
import { type SearchArgs, type SearchConnection, SearchType } from './search.types.js';

/** Matches ranked per kind: enough for any page a person reads, and a common word stays as fast as a rare one. */
export const CANDIDATES_PER_TYPE = 200;
const MAX_QUERY_LENGTH = 200;
const HEADLINE = `'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;
const escapeHtml = (sql: string) => `replace(replace(replace(${sql}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

const FOLD: Record<string, string> = { '’': "'", '‘': "'", '‛': "'", '“': '"', '”': '"', '„': '"' };
/** The same folding as the database's search_fold: lower case, and one form of each quotation mark. */
const fold = (value: string) => value.toLowerCase().replace(/[’‘‛“”„]/g, (mark) => FOLD[mark]!);
const escapeHtmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Names and aliases with what was typed marked, as full text search marks words. Folding keeps every character's
 * place, so the marks fall on the text as stored.
 */
export function markNames(names: string, typed: string): string {
  const needle = fold(typed.trim());
  const haystack = fold(names);
  let marked = '';
  let from = 0;
  for (let at = needle ? haystack.indexOf(needle) : -1; at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    marked += `${escapeHtmlText(names.slice(from, at))}<mark>${escapeHtmlText(names.slice(at, at + needle.length))}</mark>`;
    from = at + needle.length;
  }
  return marked + escapeHtmlText(names.slice(from));
}

interface Row {
  type: SearchType;
  id: string;
  score: number;
  snippet: string;
}

/**
 * What is typed, as websearch_to_tsquery reads it safely. A `-` excludes the word right after it; anywhere else
 * (before a space, a bracket, another `-`) PostgreSQL still stacks it as an operator with nothing to exclude, and
 * 33 of those in a row fail the whole statement ("tsquery stack too small"). Such a `-` excludes nothing, so it
 * goes, and a run of them before a word is one exclusion.
 */
export const searchText = (typed: string) => typed.replace(/-+(?=[\p{L}\p{N}"])/gu, '-').replace(/-+(?![\p{L}\p{N}"])/gu, ' ');

const encodeCursor = (row: Pick<Row, 'score' | 'type' | 'id'>) =>
  Buffer.from(JSON.stringify([row.score, row.type, row.id])).toString('base64url');

function decodeCursor(cursor: string, field: 'after' | 'before'): [number, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string' && typeof value[2] === 'string')
      return value as [number, string, string];
  } catch {
    // reported below
  }
  throw new BadInputError([{ field, message: 'is not a cursor this API issued' }]);
}

interface Kind {
  /** How well a match of this kind matches. */
  score: string;
  /** Where matches of this kind come from; `q.statuses` holds the statuses the viewer may see. */
  from: string;
  /** Whether `from` matches names as typed (`q.folded`, `q.pattern`), which costs the statement as much as ranking does. */
  asTyped: boolean;
  /** The text a match's snippet is made of, as the scan reads it. */
  words: string;
  /** The snippet of a page's row from its `p.words`. */
  snippet: string;
  /** What a page's row needs joined for its snippet. */
  joins?: string;
  entity: new () => Claim | Event | EntityRecord | Source;
  /** The record's GraphQL type, whose selection says which of its columns to read. */
  typeName: string;
  alias: string;
}

const headline = (words: string) => `ts_headline('english', ${escapeHtml(words)}, q.ts, ${HEADLINE})`;

const KINDS: Record<SearchType, Kind> = {
  [SearchType.CLAIM]: {
    score: `ts_rank_cd(c.search_vector, q.ts, 32)`,
    from: `FROM claims c, q
          WHERE c.search_vector @@ q.ts AND c.deleted_at IS NULL AND (q.statuses IS NULL OR c.status = ANY(q.statuses))`,
    asTyped: false,
    words: `c.text`,
    snippet: headline('p.words'),
    entity: Claim,
    typeName: 'Claim',
    alias: 'c',
  },
  [SearchType.EVENT]: {
    score: `ts_rank_cd(e.search_vector, q.ts, 32)`,
    from: `FROM events e, q
          WHERE e.search_vector @@ q.ts AND e.deleted_at IS NULL AND (q.statuses IS NULL OR e.status = ANY(q.statuses))`,
    asTyped: false,
    words: `e.title || ' — ' || coalesce(e.summary, '')`,
    snippet: headline('p.words'),
    entity: Event,
    typeName: 'Event',
    alias: 'e',
  },
  [SearchType.ENTITY]: {
    score: `CASE WHEN entity_search_names(n.name, n.aliases) LIKE q.pattern THEN 1 ELSE word_similarity(q.folded, entity_search_names(n.name, n.aliases)) END`,
    from: `FROM entities n, q
          WHERE (entity_search_names(n.name, n.aliases) LIKE q.pattern OR q.folded <% entity_search_names(n.name, n.aliases))
            AND n.deleted_at IS NULL AND n.merged_into_id IS NULL`,
    asTyped: true,
    words: `n.name || CASE WHEN cardinality(n.aliases) > 0 THEN ' (' || array_to_string(n.aliases, ', ') || ')' ELSE '' END`,
    snippet: 'p.words',
    entity: EntityRecord,
    typeName: 'Entity',
    alias: 'n',
  },
  [SearchType.SOURCE]: {
    score: `GREATEST(CASE WHEN search_fold(s.title) LIKE q.pattern THEN 1 ELSE 0 END, ts_rank_cd(r.search_vector, q.ts, 32))`,
    from: `FROM sources s
           JOIN LATERAL (SELECT search_vector FROM source_revisions WHERE source_id = s.id ORDER BY number DESC LIMIT 1) r ON true, q
          WHERE s.deleted_at IS NULL
            AND s.id IN (SELECT source_id FROM source_revisions sr WHERE sr.search_vector @@ q.ts
                         UNION SELECT id FROM sources WHERE search_fold(title) LIKE q.pattern)
            AND (r.search_vector @@ q.ts OR search_fold(s.title) LIKE q.pattern)`,
    asTyped: true,
    // The text is read for the page's rows only: a source's is article length.
    words: `s.title`,
    snippet: headline(`p.words || ' — ' || r.text`),
    joins: `LEFT JOIN LATERAL (SELECT text FROM source_revisions WHERE source_id = p.id ORDER BY number DESC LIMIT 1) r ON p.type = 'SOURCE' AND p.nearness < $6`,
    entity: Source,
    typeName: 'Source',
    alias: 's',
  },
};

/**
 * One statement finds, scores and pages matches of the kinds asked for, and brings each its record: full text
 * (PostgreSQL's english configuration, GIN-indexed) for claims, events and source texts; trigrams over names and
 * aliases, typography folded, for entities and source titles, so a name matches as it is typed. Each kind
 * contributes at most CANDIDATES_PER_TYPE matches, picked by index, and only those are ranked. Each match carries
 * the columns of its record that the query asks for out of the scan that found it: joining the page's records back
 * cost a fifth of the statement. Kinds not asked for are left out of the statement, so PostgreSQL does not plan them.
 * The row read past the page, which only tells whether more follow, gets no snippet (nor a source's text for it):
 * `ts_headline` is the dearest value the statement writes.
 */
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  /** `recordSelection` names what is asked of the records of a GraphQL type; without it, records are read whole. */
  async search(viewer: Viewer, args: SearchArgs, recordSelection?: (typeName: string) => Selection): Promise<SearchConnection> {
    const text = args.query.trim();
    if (text.length === 0 || text.length > MAX_QUERY_LENGTH)
      throw new BadInputError([{ field: 'query', message: `must be 1 to ${MAX_QUERY_LENGTH} characters` }]);
    const { backward, size } = pageDirection(args);
    // In the enum's order, so that one set of kinds always makes the same statement.
    const types = Object.values(SearchType).filter((type) => !args.types?.length || args.types.includes(type));
    const after = args.after ? decodeCursor(args.after, 'after') : null;
    const before = args.before ? decodeCursor(args.before, 'before') : null;
    // Backwards, the hits nearest `before` are taken first; the statement's last ORDER BY puts them back best first.
    const direction = backward ? 'ASC' : 'DESC';
    const statuses = seesUnreviewed(viewer) ? null : [...PUBLIC_STATUSES];
    const kinds = types.map((type) => {
      const kind = KINDS[type];
      const columns = projection(this.dataSource.manager, kind.entity, kind.alias);
      return { type, ...kind, columns: recordSelection ? columns.pick(recordSelection(kind.typeName)) : columns };
    });
    const asTyped = kinds.some((kind) => kind.asTyped);

    const rows = await preparedQuery<Row & Record<string, unknown>>(
      this.dataSource.manager,
      `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS ts, $2::text[] AS statuses${
        asTyped
          ? `, search_fold($10) AS folded, '%' || replace(replace(replace(search_fold($10), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' AS pattern`
          : ''
      }),
       hits AS (${kinds
         .map(
           (kind) => `(SELECT '${kind.type}' AS type, ${kind.alias}.id, (${kind.score})::float8 AS score, ${kind.words} AS words,
                              ${kinds.map((other) => (other === kind ? other.columns.select : other.columns.nulls)).join(', ')}
                         ${kind.from}
                         LIMIT ${CANDIDATES_PER_TYPE})`,
         )
         .join('\n UNION ALL ')}),
       page AS (
         SELECT *, row_number() OVER (ORDER BY score ${direction}, type ${direction}, id::text ${direction}) AS nearness FROM hits
          WHERE ($3::float8 IS NULL OR (score, type, id::text) < ($3::float8, $4::text, $5::text))
            AND ($7::float8 IS NULL OR (score, type, id::text) > ($7::float8, $8::text, $9::text))
          ORDER BY score ${direction}, type ${direction}, id::text ${direction}
          LIMIT $6
       )
       SELECT p.type, p.id, p.score,
              CASE WHEN p.nearness < $6 THEN CASE p.type ${kinds.map((kind) => `WHEN '${kind.type}' THEN ${kind.snippet}`).join(' ')} END END AS snippet,
              ${kinds.map((kind) => kind.columns.reselect('p')).join(', ')}
         FROM page p CROSS JOIN q
         ${kinds.map((kind) => kind.joins ?? '').join('\n')}
        ORDER BY p.score DESC, p.type DESC, p.id::text DESC`,
      // Names match as typed, minus signs and all.
      [
        searchText(text),
        statuses,
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        size + 1,
        before?.[0] ?? null,
        before?.[1] ?? null,
        before?.[2] ?? null,
        ...(asTyped ? [text] : []),
      ],
    );

    // Best first already: backwards, the extra row read is the first one, furthest from `before`.
    const more = rows.length > size;
    const page = backward && more ? rows.slice(1) : rows.slice(0, size);
    const edges = page.map((row) => {
      const record = kinds.find((kind) => kind.type === row.type)!.columns.hydrate(row);
      const snippet = row.type === SearchType.ENTITY ? markNames(row.snippet, text) : row.snippet;
      return { cursor: encodeCursor(row), node: { type: row.type, record, score: Math.min(1, row.score), snippet } };
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: backward ? Boolean(before) : more,
        hasPreviousPage: backward ? more : Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
