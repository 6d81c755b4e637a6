import express, { type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';

import type { Config } from '../config.js';
import { seesUnreviewed, type Viewer } from '../core/access/viewer.js';
import { DomainError, ErrorCode } from '../core/errors.js';
import { visibleOnly } from '../core/visibility/visibility.js';
import type { Services } from '../graphql/context.js';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../graphql/errors.js';
import { EntityKind } from '../modules/entities/entities.enums.js';
import { EntityRecord } from '../modules/entities/entity.entity.js';
import { Source } from '../modules/sources/source.entity.js';
import { CONTEXTS } from './exports/contexts.js';
import { claimsQuery, eventsQuery, evidenceQuery, type ExportFilters, NO_FILTERS } from './exports/filters.js';
import { isoAtPrecision } from './exports/format.js';
import { Agents, type Iris } from './exports/iris.js';
import { provenance } from './exports/provenance-prov.js';
import { ExportOutput } from './exports/stream.js';
import { sessionCookieFor, viewerOf } from './session.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JSON_LD = 'application/ld+json';

/** The console's page for each kind of record that has one, relative to `/id/<kind>/<uuid>`. */
const CONSOLE_PAGES: Record<string, string> = {
  claim: '../../#/claims/{id}/show',
  event: '../../#/events/{id}/show',
  source: '../../#/sources/{id}/show',
  entity: '../../#/entities/{id}/show',
};

const ENTITY_TYPES: Record<EntityKind, string> = {
  [EntityKind.PERSON]: 'Person',
  [EntityKind.ORGANIZATION]: 'Organization',
  [EntityKind.STATE]: 'GovernmentOrganization',
  [EntityKind.PLACE]: 'Place',
  [EntityKind.OTHER]: 'Thing',
};

/** The terms the exports mint under `/ns#`, where no standard vocabulary has one. */
const VOCABULARY = [
  {
    term: 'operation',
    label: 'operation',
    comment: 'What a write did to a record: CREATE, UPDATE, DELETE, RESTORE, REVIEW, MERGE, REVERT or CORRECT.',
  },
  { term: 'sha256', label: 'SHA-256', comment: 'The SHA-256 of a text snapshot, hex-encoded: the exact words evidence is anchored to.' },
  {
    term: 'anchorStatus',
    label: 'anchor status',
    comment: 'Whether an evidence quote still stands at its place in the text: ANCHORED, or what a correction of the text did to it.',
  },
];

function notFound(res: Response, message: string): void {
  res.status(404).json({ errors: [{ message, extensions: { code: ErrorCode.NOT_FOUND } }] });
}

export interface LinkedDataRouterOptions {
  dataSource: DataSource;
  services: Services;
  auth: Config['auth'];
  iris: Iris;
  log: (message: string, error?: unknown) => void;
}

/**
 * Makes the IRIs the exports mint dereference: `/id/<kind>/<uuid>` sends a browser to the record's page in the
 * console and answers `application/ld+json` with what the exports say of the record, as the caller may see it;
 * `/ns` is the vocabulary of the terms minted under `/ns#`.
 */
export function linkedDataRouter({ dataSource, services, auth, iris, log }: LinkedDataRouterOptions): Router {
  const router = express.Router();

  router.get('/ns', (_req, res) => {
    res.type(JSON_LD).json({
      '@context': {
        rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
        rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
        ps: iris.vocabulary,
      },
      '@graph': VOCABULARY.map(({ term, label, comment }) => ({
        '@id': `ps:${term}`,
        '@type': 'rdf:Property',
        'rdfs:label': label,
        'rdfs:comment': comment,
      })),
    });
  });

  router.get('/id/:kind/:id', async (req, res) => {
    const { kind, id } = req.params;
    if (!UUID.test(id)) return notFound(res, `No record has the id ${id}`);
    const page = CONSOLE_PAGES[kind];
    const describe = DESCRIBERS[kind];
    if (!page && !describe)
      return notFound(res, `Records of kind ${kind} have no IRIs; the kinds are ${Object.keys(DESCRIBERS).join(', ')}`);
    res.vary('Accept');
    if (page && req.accepts(['text/html', JSON_LD, 'application/json']) === 'text/html') {
      return res.redirect(303, page.replace('{id}', id));
    }
    try {
      const viewer = await viewerOf(req, sessionCookieFor(res, auth), services);
      res.setHeader('Cache-Control', 'no-store');
      await describe!({ dataSource, viewer, iris, id, res });
    } catch (error) {
      if (res.headersSent) {
        log(`Describing ${kind} ${id} failed while streaming`, error);
        res.destroy();
      } else if (isDatabaseUnavailable(error)) {
        res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
        res
          .status(503)
          .json({ errors: [{ message: DATABASE_UNAVAILABLE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true } }] });
      } else if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) {
        res.status(401).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      } else {
        log(`Describing ${kind} ${id} failed`, error);
        res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      }
    }
  });

  return router;
}

interface Describing {
  dataSource: DataSource;
  viewer: Viewer;
  iris: Iris;
  id: string;
  res: Response;
}

/** A claim, event or evidence as the PROV export describes it, with its versions, agents and what it rests on. */
const asProvenance =
  (kind: 'claim' | 'event' | 'evidence') =>
  async ({ dataSource, viewer, iris, id, res }: Describing): Promise<void> => {
    const filters: ExportFilters = { ...NO_FILTERS, record: { kind, id } };
    const query = { claim: claimsQuery, event: eventsQuery, evidence: evidenceQuery }[kind](dataSource, viewer, filters);
    if (!query || !(await query.getExists())) return notFound(res, `No ${kind} ${id}, or none you may see`);
    res.type(JSON_LD);
    const staff = seesUnreviewed(viewer);
    const out = new ExportOutput(res);
    await provenance.write(out, { dataSource, viewer, staff, filters, iris, agents: new Agents(dataSource.manager, iris, staff) });
    out.end();
  };

const DESCRIBERS: Record<string, (describing: Describing) => Promise<void>> = {
  claim: asProvenance('claim'),
  event: asProvenance('event'),
  evidence: asProvenance('evidence'),
  async source({ dataSource, viewer, iris, id, res }) {
    const source = await visibleOnly(viewer, dataSource.getRepository(Source).createQueryBuilder('source'), { reviewed: false })
      .andWhere('source.id = :id', { id })
      .getOne();
    if (!source) return notFound(res, `No source ${id}, or none you may see`);
    const published = isoAtPrecision(source.publishedAt, source.publishedPrecision);
    res.type(JSON_LD).json({
      '@context': CONTEXTS.schema.url,
      '@id': iris.record('source', source.id),
      '@type': 'CreativeWork',
      name: source.title,
      ...(source.url ? { url: source.url } : {}),
      ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
      ...(source.author ? { author: { '@type': 'Person', name: source.author } } : {}),
      ...(published ? { datePublished: published } : {}),
      ...(source.language ? { inLanguage: source.language } : {}),
    });
  },
  async entity({ dataSource, viewer, iris, id, res }) {
    const entity = await visibleOnly(viewer, dataSource.getRepository(EntityRecord).createQueryBuilder('entity'), { reviewed: false })
      .andWhere('entity.id = :id', { id })
      .getOne();
    if (!entity) return notFound(res, `No entity ${id}, or none you may see`);
    const wikidata = entity.externalIds.wikidata;
    res.type(JSON_LD).json({
      '@context': CONTEXTS.schema.url,
      '@id': iris.record('entity', entity.id),
      '@type': ENTITY_TYPES[entity.kind],
      name: entity.name,
      ...(entity.aliases.length > 0 ? { alternateName: entity.aliases } : {}),
      ...(entity.description ? { description: entity.description } : {}),
      ...(wikidata ? { sameAs: `http://www.wikidata.org/entity/${wikidata}` } : {}),
    });
  },
};
