import type DataLoader from 'dataloader';
import { type EntityManager, In } from 'typeorm';

import { manyByKey, oneByKey } from '../../core/sql/batch.js';
import { type Include, preload } from '../../core/sql/preload.js';
import { preparedQuery } from '../../core/sql/prepared.js';
import { projection } from '../../core/sql/projection.js';
import type { Selection } from '../../core/sql/selection.js';
import { Source } from '../sources/source.entity.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { Evidence } from './evidence.entity.js';

type Owner = 'claim_id' | 'event_id';

/**
 * Evidence comes with the source its words are in, in the same statement: a list of quotes nearly always shows
 * where each is from, and a round trip per level of nesting is what a page of nested records pays most for.
 * The sources it reads go into `sourceById`, which then answers without a query.
 */
export function createEvidenceLoaders(manager: EntityManager, sources: { sourceById: DataLoader<string, Source | null> }) {
  const evidence = projection(manager, Evidence, 'e');
  const source = projection(manager, Source, 's');
  const sourceIdByRevisionId = oneByKey(
    (ids: readonly string[]) => manager.find(SourceRevision, { select: { id: true, sourceId: true }, where: { id: In([...ids]) } }),
    (revision) => revision.id,
  );
  const remember = (quote: Evidence, from: Source): Evidence => {
    sources.sourceById.prime(from.id, from);
    sourceIdByRevisionId.prime(
      quote.sourceRevisionId,
      Object.assign(new SourceRevision(), { id: quote.sourceRevisionId, sourceId: from.id }),
    );
    return quote;
  };
  const from = 'evidence e JOIN source_revisions r ON r.id = e.source_revision_id JOIN sources s ON s.id = r.source_id';
  const order = 'e.start_pos, e.id';
  const withSources = (owner: Owner) => async (ids: readonly string[]) =>
    (
      await preparedQuery(
        manager,
        `SELECT ${evidence.select}, ${source.select} FROM ${from} WHERE e.${owner} = ANY($1) AND e.deleted_at IS NULL ORDER BY ${order}`,
        [ids],
      )
    ).map((row) => remember(evidence.hydrate(row), source.hydrate(row)));
  const evidenceByClaimId = manyByKey(withSources('claim_id'), (quote) => quote.claimId!);
  const evidenceByEventId = manyByKey(withSources('event_id'), (quote) => quote.eventId!);
  /** The evidence of each record of a page, in the page's statement, with the sources asked for, as `evidenceBy…Id` would read it. */
  const includeEvidence = (owner: Owner, selection: Selection): Include<{ id: string }> => {
    const quote = evidence.pick(selection);
    const sourceSelection = selection.get('source');
    // deletedAt, so that a deleted source reads as its tombstone (seenThrough) however little is asked of it.
    const of = sourceSelection && source.pick(sourceSelection, ['deletedAt']);
    const columns = of ? `${quote.json}, ${of.json}` : quote.json;
    return {
      sql: (alias) =>
        `(SELECT coalesce(json_agg(json_build_array(${columns}) ORDER BY ${order}), '[]') FROM ${of ? from : 'evidence e'} WHERE e.${owner} = ${alias}.id AND e.deleted_at IS NULL)`,
      take(record, value) {
        const quotes = (value as Array<[unknown[], unknown[]?]>).map(([row, sourceRow]) => {
          const read = quote.fromJson(row);
          if (of) preload(read, 'source', of.fromJson(sourceRow!));
          return read;
        });
        preload(record, 'evidence', quotes);
      },
    };
  };
  return {
    evidenceByClaimId,
    evidenceByEventId,
    /** Which source a text snapshot is of, without its text: a page of quotes names sources, not articles. */
    sourceIdByRevisionId,
    includeEvidence,
  };
}
