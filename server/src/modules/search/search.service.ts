import { In, type DataSource } from 'typeorm';
import { BadInputError } from '../../core/errors.js';
import { pageSize } from '../../core/paging/connection.js';
import { Claim } from '../claims/claim.entity.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { PUBLIC_STATUSES } from '../review/review.enums.js';
import { Source } from '../sources/source.entity.js';
import { seesUnreviewed, type Viewer } from '../users/viewer.js';
import { SearchType, type SearchArgs, type SearchConnection } from './search.types.js';

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

const encodeCursor = (row: Pick<Row, 'score' | 'type' | 'id'>) => Buffer.from(JSON.stringify([row.score, row.type, row.id])).toString('base64url');

function decodeCursor(cursor: string): [number, string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string' && typeof value[2] === 'string') return value as [number, string, string];
  } catch {
    // reported below
  }
  throw new BadInputError([{ field: 'after', message: 'is not a cursor this API issued' }]);
}

/**
 * One statement finds, scores and pages matches of every kind: full text (PostgreSQL's english configuration,
 * GIN-indexed) for claims, events and source texts; trigrams over names and aliases, typography folded, for
 * entities and source titles, so a name matches as it is typed. Each kind contributes at most
 * CANDIDATES_PER_TYPE matches, picked by index, and only those are ranked.
 */
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(viewer: Viewer, args: SearchArgs): Promise<SearchConnection> {
    const text = args.query.trim();
    if (text.length === 0 || text.length > MAX_QUERY_LENGTH) throw new BadInputError([{ field: 'query', message: `must be 1 to ${MAX_QUERY_LENGTH} characters` }]);
    const size = pageSize(args.first);
    const types = args.types?.length ? [...new Set(args.types)] : Object.values(SearchType);
    const after = args.after ? decodeCursor(args.after) : null;
    const statuses = seesUnreviewed(viewer) ? null : [...PUBLIC_STATUSES];

    const rows = (await this.dataSource.query(
      `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS ts, search_fold($1) AS folded,
                         '%' || replace(replace(replace(search_fold($1), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%' AS pattern),
       hits AS (
         (SELECT 'CLAIM' AS type, c.id, ts_rank_cd(to_tsvector('english', c.text), q.ts, 32) AS score
            FROM claims c, q
           WHERE 'CLAIM' = ANY($2) AND to_tsvector('english', c.text) @@ q.ts AND c.deleted_at IS NULL AND ($3::text[] IS NULL OR c.status = ANY($3))
           LIMIT ${CANDIDATES_PER_TYPE})
         UNION ALL
         (SELECT 'EVENT', e.id, ts_rank_cd(to_tsvector('english', e.title || ' ' || coalesce(e.summary, '')), q.ts, 32)
            FROM events e, q
           WHERE 'EVENT' = ANY($2) AND to_tsvector('english', e.title || ' ' || coalesce(e.summary, '')) @@ q.ts
             AND e.deleted_at IS NULL AND ($3::text[] IS NULL OR e.status = ANY($3))
           LIMIT ${CANDIDATES_PER_TYPE})
         UNION ALL
         (SELECT 'ENTITY', n.id,
                 CASE WHEN entity_search_names(n.name, n.aliases) LIKE q.pattern THEN 1 ELSE word_similarity(q.folded, entity_search_names(n.name, n.aliases)) END
            FROM entities n, q
           WHERE 'ENTITY' = ANY($2) AND (entity_search_names(n.name, n.aliases) LIKE q.pattern OR q.folded <% entity_search_names(n.name, n.aliases))
             AND n.deleted_at IS NULL AND n.merged_into_id IS NULL
           LIMIT ${CANDIDATES_PER_TYPE})
         UNION ALL
         (SELECT 'SOURCE', s.id, GREATEST(CASE WHEN search_fold(s.title) LIKE q.pattern THEN 1 ELSE 0 END, ts_rank_cd(to_tsvector('english', r.text), q.ts, 32))
            FROM sources s
            JOIN LATERAL (SELECT text FROM source_revisions WHERE source_id = s.id ORDER BY number DESC LIMIT 1) r ON true, q
           WHERE 'SOURCE' = ANY($2) AND s.deleted_at IS NULL
             AND s.id IN (SELECT source_id FROM source_revisions sr WHERE to_tsvector('english', sr.text) @@ q.ts
                          UNION SELECT id FROM sources WHERE search_fold(title) LIKE q.pattern)
             AND (to_tsvector('english', r.text) @@ q.ts OR search_fold(s.title) LIKE q.pattern)
           LIMIT ${CANDIDATES_PER_TYPE})
       ),
       page AS (
         SELECT * FROM hits
          WHERE $4::float8 IS NULL OR (score, type, id::text) < ($4::float8, $5::text, $6::text)
          ORDER BY score DESC, type DESC, id::text DESC
          LIMIT $7
       )
       SELECT p.type, p.id, p.score::float8 AS score,
              CASE p.type
                WHEN 'CLAIM' THEN ts_headline('english', ${escapeHtml('c.text')}, q.ts, ${HEADLINE})
                WHEN 'EVENT' THEN ts_headline('english', ${escapeHtml(`e.title || ' — ' || coalesce(e.summary, '')`)}, q.ts, ${HEADLINE})
                WHEN 'ENTITY' THEN n.name || CASE WHEN cardinality(n.aliases) > 0 THEN ' (' || array_to_string(n.aliases, ', ') || ')' ELSE '' END
                ELSE ts_headline('english', ${escapeHtml(`s.title || ' — ' || r.text`)}, q.ts, ${HEADLINE})
              END AS snippet
         FROM page p CROSS JOIN q
         LEFT JOIN claims c ON p.type = 'CLAIM' AND c.id = p.id
         LEFT JOIN events e ON p.type = 'EVENT' AND e.id = p.id
         LEFT JOIN entities n ON p.type = 'ENTITY' AND n.id = p.id
         LEFT JOIN sources s ON p.type = 'SOURCE' AND s.id = p.id
         LEFT JOIN LATERAL (SELECT text FROM source_revisions WHERE source_id = s.id ORDER BY number DESC LIMIT 1) r ON p.type = 'SOURCE'
        ORDER BY p.score DESC, p.type DESC, p.id::text DESC`,
      [text, types, statuses, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, size + 1],
    )) as Row[];

    const page = rows.slice(0, size);
    const records = await this.load(page);
    const edges = page.flatMap((row) => {
      const record = records.get(row.id);
      const snippet = row.type === SearchType.ENTITY ? markNames(row.snippet, text) : row.snippet;
      return record ? [{ cursor: encodeCursor(row), node: { type: row.type, record, score: Math.min(1, row.score), snippet } }] : [];
    });
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  private async load(rows: Row[]): Promise<Map<string, Claim | Event | EntityRecord | Source>> {
    const found = new Map<string, Claim | Event | EntityRecord | Source>();
    const ids = (type: SearchType) => rows.filter((row) => row.type === type).map((row) => row.id);
    const kinds = [
      [SearchType.CLAIM, Claim],
      [SearchType.EVENT, Event],
      [SearchType.ENTITY, EntityRecord],
      [SearchType.SOURCE, Source],
    ] as const;
    for (const [type, entity] of kinds) {
      const wanted = ids(type);
      if (wanted.length === 0) continue;
      for (const record of await this.dataSource.manager.findBy(entity as typeof Claim, { id: In(wanted) })) found.set(record.id, record);
    }
    return found;
  }
}
