import { ReviewStatus } from '../../core/review/status.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { seesDeliberation } from '../../core/visibility/visibility.js';
import type { Claim } from '../../modules/claims/claim.entity.js';
import { Attribution } from '../../modules/claims/claims.enums.js';
import { EntityKind } from '../../modules/entities/entities.enums.js';
import type { EntityRecord } from '../../modules/entities/entity.entity.js';
import { CONTEXTS } from './contexts.js';
import { claimsQuery } from './filters.js';
import { type ExportFormat, isoAtPrecision } from './format.js';
import type { Iris } from './iris.js';
import { entitiesOf, evidenceOf, historiesOf, type SourceFact } from './lookups.js';
import { keysetBatches, writeGraph } from './stream.js';

/**
 * A review here judges the record, not the world: a reviewer verifies that the claimant said this, in these
 * words, in this source, with this attribution and modality. The rating says so in `reviewAspect`; how far
 * the claim itself is believed is its credibility (the CSV has it). VERIFIED is the best rating, RETRACTED (a
 * verification withdrawn: do not rely on the record) the worst, on the 1-5 scale fact-checkers' ratings use.
 */
const RATINGS = {
  [ReviewStatus.VERIFIED]: { ratingValue: 5, alternateName: 'Verified' },
  [ReviewStatus.RETRACTED]: { ratingValue: 1, alternateName: 'Retracted' },
} as const;
const BEST_RATING = 5;
const WORST_RATING = 1;
const REVIEW_ASPECT = 'Provenance: the claimant made this claim, in the quoted words, in the source named, as recorded';

const REVIEWED = Object.keys(RATINGS) as Array<keyof typeof RATINGS>;

const AUTHOR_TYPES: Partial<Record<EntityKind, string>> = {
  [EntityKind.PERSON]: 'Person',
  [EntityKind.ORGANIZATION]: 'Organization',
  [EntityKind.STATE]: 'GovernmentOrganization',
};

/**
 * Who made the claim. The author's own assertion is a Person's, named when the source names its author. Another
 * unnamed claimant ("a presidential aide", "the press service") is a Thing: the source does not say which.
 */
function claimant(claim: Claim, entity: EntityRecord | undefined, firstAppearance: SourceFact | undefined, iris: Iris): object {
  if (!entity && claim.attribution === Attribution.AUTHOR_ASSERTION)
    return { '@type': 'Person', name: firstAppearance?.author ?? claim.claimantLabel };
  if (!entity) return { '@type': 'Thing', name: claim.claimantLabel };
  const wikidata = entity.externalIds.wikidata;
  return {
    '@id': iris.record('entity', entity.id),
    '@type': AUTHOR_TYPES[entity.kind] ?? 'Thing',
    name: entity.name,
    ...(wikidata ? { sameAs: `http://www.wikidata.org/entity/${wikidata}` } : {}),
  };
}

function appearance(source: SourceFact, iris: Iris): object {
  const published = isoAtPrecision(source.publishedAt, source.publishedPrecision);
  return {
    '@id': iris.record('source', source.id),
    '@type': 'CreativeWork',
    name: source.title,
    ...(source.url ? { url: source.url } : {}),
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(published ? { datePublished: published } : {}),
  };
}

/** The source a claim was published in first: the earliest dated, or else the first its evidence names. */
function firstOf(sources: SourceFact[]): SourceFact | undefined {
  const dated = sources.filter((source) => source.publishedAt !== null).sort((a, b) => a.publishedAt!.localeCompare(b.publishedAt!));
  return dated[0] ?? sources[0];
}

/**
 * Every verified or retracted claim as a schema.org ClaimReview of its latest decision, with what search engines
 * read: the review's `url` (the claim's IRI, which opens the claim in the console), where and when the claim
 * first appeared. A reviewer is a Person, as in the PROV export; a review by software (a client app's key) is
 * published as the store's own, since schema.org has no software agent an author may be.
 */
export const claimReviews: ExportFormat = {
  file: 'claim-reviews.jsonld',
  contentType: 'application/ld+json',
  async write(out, { dataSource, viewer, filters, iris, agents }) {
    const deliberation = seesDeliberation(viewer);
    const statuses = REVIEWED.filter((status) => !filters.statuses || filters.statuses.includes(status));
    await writeGraph(out, CONTEXTS.schema.url, reviews());

    async function* reviews(): AsyncGenerator<object[]> {
      if (statuses.length === 0) return;
      for await (const claims of keysetBatches<Claim>(claimsQuery(dataSource, viewer, { ...filters, statuses }), out)) {
        const ids = claims.map((claim) => claim.id);
        const manager = dataSource.manager;
        const claimants = await entitiesOf(
          manager,
          claims.map((claim) => claim.claimantId),
          viewer,
        );
        const evidence = await evidenceOf(manager, 'claim', ids, viewer);
        const histories = await historiesOf(manager, RecordType.CLAIM, ids);
        const reviewers = deliberation
          ? await agents.describe([...histories.values()].flatMap((history) => (history.decision ? [history.decision.actor] : [])))
          : new Map();
        yield claims.flatMap((claim) => {
          const decision = histories.get(claim.id)!.decision;
          if (!decision) return [];
          // Who reviewed is deliberation: the public reads the verdict as the store's, as the API shows it.
          const reviewer = deliberation ? reviewers.get(decision.actor)! : null;
          const sources = [...new Map((evidence.get(claim.id) ?? []).map((fact) => [fact.source.id, fact.source])).values()];
          const first = firstOf(sources);
          const firstPublished = first && isoAtPrecision(first.publishedAt, first.publishedPrecision);
          return [
            {
              '@id': iris.review(claim.id, decision.version),
              '@type': 'ClaimReview',
              url: iris.record('claim', claim.id),
              claimReviewed: claim.text,
              itemReviewed: {
                '@id': iris.record('claim', claim.id),
                '@type': 'Claim',
                author: claimant(claim, claim.claimantId ? claimants.get(claim.claimantId) : undefined, first, iris),
                ...(firstPublished ? { datePublished: firstPublished } : {}),
                ...(first ? { firstAppearance: appearance(first, iris) } : {}),
                appearance: sources.map((source) => appearance(source, iris)),
              },
              author: reviewer?.isPerson
                ? { '@id': reviewer.iri, '@type': 'Person', ...(reviewer.name ? { name: reviewer.name } : {}) }
                : { '@id': iris.publisher, '@type': 'Organization' },
              datePublished: decision.at.toISOString(),
              ...(deliberation && decision.comment ? { reviewBody: decision.comment } : {}),
              reviewRating: {
                '@type': 'Rating',
                ...RATINGS[claim.status as keyof typeof RATINGS],
                bestRating: BEST_RATING,
                worstRating: WORST_RATING,
                reviewAspect: REVIEW_ASPECT,
              },
            },
          ];
        });
      }
    }
  },
};
