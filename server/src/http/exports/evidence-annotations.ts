import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { Evidence } from '../../modules/evidence/evidence.entity.js';
import { quoteSeenBy } from '../../modules/evidence/quote-seen.js';
import { CONTEXTS } from './contexts.js';
import { evidenceQuery } from './filters.js';
import type { ExportFormat } from './format.js';
import { historiesOf } from './lookups.js';
import { keysetBatches, writeGraph } from './stream.js';

/**
 * Each evidence as a W3C Web Annotation: the body is the claim or event, the target the words in one text
 * snapshot, chosen by a TextQuoteSelector and a TextPositionSelector that select the same words. Positions
 * count Unicode code points, as the Web Annotation model defines them (0-based, end excluded).
 *
 * Motivation: a claim's evidence is `describing` (the claim is the editor's description of what the words
 * assert: who said it, how firmly); an event's is `identifying` (the words refer to that event, and the body
 * says which one, as a Wikidata item would for a place).
 */
export const evidenceAnnotations: ExportFormat = {
  file: 'evidence.jsonld',
  contentType: `application/ld+json; profile="${CONTEXTS.anno.url}"`,
  async write(out, { dataSource, viewer, filters, iris, agents }) {
    const context = [CONTEXTS.anno.url, { ps: iris.vocabulary, anchorStatus: 'ps:anchorStatus' }];
    await writeGraph(out, context, annotations());

    async function* annotations(): AsyncGenerator<object[]> {
      for await (const batch of keysetBatches<Evidence>(evidenceQuery(dataSource, viewer, filters), out)) {
        const histories = await historiesOf(
          dataSource.manager,
          RecordType.EVIDENCE,
          batch.map((evidence) => evidence.id),
        );
        const creators = await agents.describe([...histories.values()].map((history) => history.createdBy));
        yield batch.map((evidence) => {
          const creator = creators.get(histories.get(evidence.id)!.createdBy)!;
          const { sourceRevisionId, selector, anchorStatus } = quoteSeenBy(viewer, evidence);
          return {
            id: iris.record('evidence', evidence.id),
            type: 'Annotation',
            motivation: evidence.claimId ? 'describing' : 'identifying',
            body: evidence.claimId ? iris.record('claim', evidence.claimId) : iris.record('event', evidence.eventId!),
            target: {
              type: 'SpecificResource',
              source: iris.record('source-revision', sourceRevisionId),
              selector: [
                {
                  type: 'TextQuoteSelector',
                  exact: selector.exact,
                  ...(selector.prefix ? { prefix: selector.prefix } : {}),
                  ...(selector.suffix ? { suffix: selector.suffix } : {}),
                },
                { type: 'TextPositionSelector', start: selector.start, end: selector.end },
              ],
            },
            creator: { id: creator.iri, type: creator.isPerson ? 'Person' : 'Software', ...(creator.name ? { name: creator.name } : {}) },
            created: evidence.createdAt.toISOString(),
            modified: evidence.updatedAt.toISOString(),
            anchorStatus,
          };
        });
      }
    }
  },
};
