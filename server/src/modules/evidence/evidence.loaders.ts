import type DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { manyByKey, oneByKey, preparedQuery, projection } from '../../core/loaders.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { Source } from '../sources/source.entity.js';
import { Evidence } from './evidence.entity.js';

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
  const withSources = (owner: 'claim_id' | 'event_id') => async (ids: readonly string[]) => {
    const rows = await preparedQuery(
      manager,
      `SELECT ${evidence.select}, ${source.select}
         FROM evidence e JOIN source_revisions r ON r.id = e.source_revision_id JOIN sources s ON s.id = r.source_id
        WHERE e.${owner} = ANY($1) AND e.deleted_at IS NULL
        ORDER BY e.start_pos, e.id`,
      [ids],
    );
    return rows.map((row) => {
      const quote = evidence.hydrate(row);
      const from = source.hydrate(row);
      sources.sourceById.prime(from.id, from);
      sourceIdByRevisionId.prime(quote.sourceRevisionId, Object.assign(new SourceRevision(), { id: quote.sourceRevisionId, sourceId: from.id }));
      return quote;
    });
  };
  return {
    evidenceByClaimId: manyByKey(withSources('claim_id'), (quote) => quote.claimId!),
    evidenceByEventId: manyByKey(withSources('event_id'), (quote) => quote.eventId!),
    /** Which source a text snapshot is of, without its text: a page of quotes names sources, not articles. */
    sourceIdByRevisionId,
  };
}
