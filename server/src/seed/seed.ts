import fs from 'node:fs';
import path from 'node:path';

import type { DataSource, EntityManager } from 'typeorm';
import { parse } from 'yaml';

import { locateQuote } from '../core/anchoring/text-quote.js';
import { stableId } from '../core/ids.js';
import { ReviewDecision } from '../core/review/workflow.js';
import type { WriteContext } from '../core/revisions/record-writer.js';
import { ensureRevisionPartitions } from '../db/revision-partitions.js';
import { ClaimsService } from '../modules/claims/claims.service.js';
import { EntitiesService } from '../modules/entities/entities.service.js';
import { EventsService } from '../modules/events/events.service.js';
import { EvidenceService } from '../modules/evidence/evidence.service.js';
import { reopenAfterEvidenceChange, ReviewService } from '../modules/review/review.service.js';
import { SourcesService } from '../modules/sources/sources.service.js';
import { seedsDir } from '../paths.js';
import type { CuratedFile, CuratedQuote } from './curated-file.js';

export interface SeedReport {
  created: number;
  present: number;
}

export class SeedError extends Error {}

/** Any order in which each item comes after the items it names; a cycle is an error in the file. */
function dependencyOrder<T extends { key: string }>(items: T[], dependsOn: (item: T) => string[], what: string): T[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: T, trail: string[]) => {
    if (state.get(item.key) === 'done') return;
    if (state.get(item.key) === 'visiting') throw new SeedError(`${what} form a cycle: ${[...trail, item.key].join(' → ')}`);
    state.set(item.key, 'visiting');
    for (const key of dependsOn(item)) {
      const dependency = byKey.get(key);
      if (dependency) visit(dependency, [...trail, item.key]);
    }
    state.set(item.key, 'done');
    ordered.push(item);
  };
  for (const item of items) visit(item, []);
  return ordered;
}

/** Every quote must anchor before anything is written; the message names each one that does not. */
function checkQuotes(file: string, text: string, curated: CuratedFile): void {
  const problems: string[] = [];
  const check = (owner: string, quotes: CuratedQuote[]) => {
    if (quotes.length === 0) problems.push(`${owner} has no evidence`);
    for (const quote of quotes) {
      const match = locateQuote(text, quote);
      if (!match.ok) {
        const why = match.reason === 'AMBIGUOUS' ? `occurs ${match.occurrences} times; add a prefix or suffix` : 'is not in the text';
        problems.push(`${owner}: "${quote.exact}" ${why}`);
      }
    }
  };
  for (const event of curated.events ?? []) check(`event ${event.key}`, event.evidence ?? []);
  for (const claim of curated.claims ?? []) check(`claim ${claim.key}`, claim.evidence ?? []);
  if (problems.length > 0) throw new SeedError(`${file}: evidence that does not anchor:\n  - ${problems.join('\n  - ')}`);
}

function keyResolver(file: string, scope: string, keys: Map<string, string>) {
  return (key: string, where: string): string => {
    const id = keys.get(key);
    if (!id) throw new SeedError(`${file}: ${where} names unknown ${scope} "${key}"`);
    return id;
  };
}

/**
 * Loads one curated file through the services, as an editor would: each record is created with its CREATE
 * revision attributed to the seed run. Ids derive from the keys, so a record already there is left alone.
 */
async function seedFile(manager: EntityManager, dataSource: DataSource, yamlPath: string): Promise<SeedReport> {
  const name = path.basename(yamlPath);
  const curated = parse(fs.readFileSync(yamlPath, 'utf8')) as CuratedFile;
  const textPath = path.join(path.dirname(yamlPath), curated.source.file);
  if (!fs.existsSync(textPath)) throw new SeedError(`${name}: source text ${curated.source.file} is missing`);
  const text = fs.readFileSync(textPath, 'utf8');
  checkQuotes(name, text, curated);

  const evidenceService = new EvidenceService(dataSource, reopenAfterEvidenceChange);
  const services = {
    sources: new SourcesService(dataSource),
    entities: new EntitiesService(dataSource),
    events: new EventsService(dataSource, evidenceService),
    claims: new ClaimsService(dataSource, evidenceService),
    evidence: evidenceService,
    review: new ReviewService(dataSource),
  };
  const context: WriteContext = { actor: `seed:${name}`, actorUserId: null, requestId: null };
  const reviewerContext: WriteContext = { actor: `seed-review:${name}`, actorUserId: null, requestId: null };
  const reason = `Seeded from seeds/${name}`;
  const report: SeedReport = { created: 0, present: 0 };
  const scope = curated.source.key;
  const idOf = (kind: string, key: string) => stableId(`seed/${scope}/${kind}/${key}`);
  const exists = async (table: string, id: string) =>
    ((await manager.query(`SELECT 1 FROM "${table}" WHERE id = $1`, [id])) as unknown[]).length > 0;
  const once = async (table: string, id: string, create: () => Promise<unknown>): Promise<boolean> => {
    if (await exists(table, id)) {
      report.present++;
      return false;
    }
    await create();
    report.created++;
    return true;
  };
  /** Claims and events created by this run, to send through review once their evidence is in place. */
  const toReview: Array<{ key: string; id: string }> = [];

  const sourceId = idOf('source', scope);
  const { source } = curated;
  await once('sources', sourceId, () =>
    services.sources.create(
      context,
      {
        id: sourceId,
        title: source.title,
        text,
        url: source.url,
        publisher: source.publisher,
        author: source.author,
        publishedAt: source.publishedAt,
        publishedPrecision: source.publishedPrecision,
        publishedBasis: source.publishedKnownBy,
        publishedNote: source.publishedNote,
        language: source.language,
        kind: source.kind,
        reliability: source.reliability,
        reliabilityNote: source.reliabilityNote,
        reason,
      },
      manager,
    ),
  );

  for (const type of curated.eventTypes ?? []) {
    const id = stableId(`event-type/${type.code}`);
    const taken = ((await manager.query('SELECT 1 FROM event_types WHERE code = $1', [type.code])) as unknown[]).length > 0;
    if (taken) report.present++;
    else await once('event_types', id, () => services.events.createType(context, { id, ...type, reason }, manager));
  }

  const entityIds = new Map((curated.entities ?? []).map((entity) => [entity.key, idOf('entity', entity.key)]));
  const entity = keyResolver(name, 'entity', entityIds);
  for (const item of curated.entities ?? []) {
    const id = entity(item.key, 'entities');
    await once('entities', id, () =>
      services.entities.create(
        context,
        {
          id,
          name: item.name,
          kind: item.kind,
          aliases: item.aliases,
          description: item.description,
          externalIds: item.externalIds,
          reason,
        },
        manager,
      ),
    );
  }

  const eventIds = new Map((curated.events ?? []).map((event) => [event.key, idOf('event', event.key)]));
  const event = keyResolver(name, 'event', eventIds);
  const evidence = async (owner: { claimId?: string; eventId?: string }, key: string, quotes: CuratedQuote[]) => {
    for (const [i, quote] of quotes.entries()) {
      const id = idOf('evidence', `${key}/${i}`);
      await once('evidence', id, () => services.evidence.create(context, { id, ...owner, sourceId, selector: quote, reason }, manager));
    }
  };
  for (const item of dependencyOrder(curated.events ?? [], (e) => (e.parent ? [e.parent] : []), 'event parents')) {
    const id = event(item.key, 'events');
    const where = `event ${item.key}`;
    const createdEvent = await once('events', id, () =>
      services.events.create(
        context,
        {
          id,
          title: item.title,
          type: item.type,
          summary: item.summary,
          start: item.start && item.startPrecision ? { date: item.start, precision: item.startPrecision } : null,
          end: item.end && item.endPrecision ? { date: item.end, precision: item.endPrecision } : null,
          timeExpression: item.timeExpression,
          placeId: item.place ? entity(item.place, `${where} place`) : null,
          parentId: item.parent ? event(item.parent, `${where} parent`) : null,
          modality: item.modality,
          participants: (item.participants ?? []).map((p) => ({ entityId: entity(p.entity, `${where} participants`), role: p.role })),
          reason,
        },
        manager,
      ),
    );
    await evidence({ eventId: id }, `event/${item.key}`, item.evidence);
    if (createdEvent) toReview.push({ key: item.key, id });
  }

  const claimIds = new Map((curated.claims ?? []).map((claim) => [claim.key, idOf('claim', claim.key)]));
  const claim = keyResolver(name, 'claim', claimIds);
  for (const item of dependencyOrder(curated.claims ?? [], (c) => (c.links ?? []).map((l) => l.target), 'claim links')) {
    const id = claim(item.key, 'claims');
    const where = `claim ${item.key}`;
    const createdClaim = await once('claims', id, () =>
      services.claims.create(
        context,
        {
          id,
          text: item.text,
          claimantId: item.claimant ? entity(item.claimant, `${where} claimant`) : null,
          claimantLabel: item.claimantLabel,
          attribution: item.attribution,
          modality: item.modality,
          credibility: item.credibility,
          rank: item.rank,
          eventIds: (item.aboutEvents ?? []).map((key) => event(key, `${where} aboutEvents`)),
          entityIds: (item.aboutEntities ?? []).map((key) => entity(key, `${where} aboutEntities`)),
          links: (item.links ?? []).map((link) => ({ type: link.type, toClaimId: claim(link.target, `${where} links`) })),
          reason,
        },
        manager,
      ),
    );
    await evidence({ claimId: id }, `claim/${item.key}`, item.evidence);
    if (createdClaim) toReview.push({ key: item.key, id });
  }

  for (const { key, id } of toReview) {
    const review = { ...curated.review?.default, ...curated.review?.records?.[key] };
    if (!curated.review || review.submit === false) continue;
    const submitted = await services.review.submit(context, { id, expectedVersion: 1, comment: 'Curated from the seed article' }, manager);
    if (!review.decision) continue;
    if (!Object.values(ReviewDecision).includes(review.decision as ReviewDecision) || !review.comment) {
      throw new SeedError(`${name}: the review of ${key} needs a decision (${Object.values(ReviewDecision).join(', ')}) and a comment`);
    }
    await services.review.review(
      reviewerContext,
      { id, expectedVersion: submitted.version, decision: review.decision as ReviewDecision, comment: review.comment },
      manager,
    );
  }
  return report;
}

/**
 * Loads every curated file in `seeds/`, all or nothing, in one transaction holding an advisory lock so that
 * servers starting together do not seed twice.
 */
export async function seedAll(dataSource: DataSource, dir = seedsDir): Promise<SeedReport> {
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort();
  // Seeding may run before any server's partition upkeep has, on a log that has grown since it last did.
  await ensureRevisionPartitions(dataSource);
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('provenance-store:seed'))`);
    const total: SeedReport = { created: 0, present: 0 };
    for (const file of files) {
      const report = await seedFile(manager, dataSource, path.join(dir, file));
      total.created += report.created;
      total.present += report.present;
    }
    return total;
  });
}
