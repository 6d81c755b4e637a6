import { createHash } from 'node:crypto';

import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';

import type { Config } from '../config.js';
import { Role } from '../core/access/roles.js';
import type { Viewer } from '../core/access/viewer.js';
import { type CommitPosition, commitPosition, type Look, type Position } from '../db/commit-position.js';
import type { RequestContext } from '../graphql/context.js';

/**
 * Root fields whose answers follow from what the database holds and the caller's visibility class alone, with
 * nothing of the caller's own (`me`), of the clock, or of a write in the answer (mutations are never kept).
 */
const KEPT_ROOT_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'source',
  'sources',
  'entity',
  'entities',
  'event',
  'events',
  'eventTypes',
  'claim',
  'claims',
  'search',
  'changes',
  'node',
  'nodes',
]);

/**
 * Who reads through the cache. Client apps read what anonymous callers read (invariant 7), but each class keeps its
 * own answers, so that nothing a key's request worked out is ever handed to a caller without one, or back.
 */
export type Audience = 'anonymous' | 'client';

/** What makes two requests the same question: the caller's class, what they accept, the operation and its values. */
export interface PublicQuestion {
  key: string;
  audience: Audience;
}

interface Kept {
  body: Buffer;
  etag: string;
  contentType: string;
  bytes: number;
}

export interface PublicAnswerStats {
  hits: number;
  misses: number;
  /** Times a write that changed a record, by any server, emptied the cache. */
  invalidations: number;
  entries: number;
  bytes: number;
}

/**
 * A stored answer, or where the cache stood when a fresh one is about to be worked out: the generation of answers it
 * will be kept in, and the WAL position a standby must have replayed to work it out.
 */
export type Lookup = { hit: Kept } | { position: string; lsn: string };

/** Strong, from the bytes alone: two servers give one answer the same tag, so a CDN may ask either. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this tag (weak comparison, as RFC 9110 asks of GET). */
export function matchesTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const given = tag.trim();
    return given === '*' || given.replace(/^W\//, '') === bare;
  });
}

/**
 * The question a public GraphQL request asks, as the request's own text: its body, or its query string for a GET.
 * The same text is the same operation with the same values; a text written differently is only asked apart.
 */
export function publicQuestion(audience: Audience, method: 'GET' | 'POST', accept: string, text: string): PublicQuestion {
  return { key: `${audience}\u0000${method}\u0000${accept}\u0000${text}`, audience };
}

function keptRootsOnly(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && KEPT_ROOT_FIELDS.has(selection.name.value))
  );
}

const sameLook = (a: Look | null, b: Look | null): boolean =>
  a !== null && b !== null && a.snapshot === b.snapshot && a.offset === b.offset;

/**
 * Answers to anonymous callers and client apps, kept by question. Each request first looks at where the database's
 * commits stand (db/commit-position.ts); a kept answer is handed out only when no transaction that changed a record
 * committed, on any server, between the look it was kept after and this one, so nothing stays visible after it was
 * retracted, rejected, deleted or sent back to review. Any record changed empties the cache (finer invalidation
 * would need to know every record an answer rests on, tombstones and searches included); commits that change no
 * record (sessions, sign-ins, jobs, checkpoints, ANALYZE) leave it. Bounded in bytes, least recently read dropped
 * first.
 */
export class PublicAnswers {
  private readonly kept = new Map<string, Kept>();
  private readonly commits: CommitPosition;
  /** The last look taken in: every kept answer holds every record change it shows. */
  private look: Look | null = null;
  /** Counts the times the cache was emptied: an answer is kept only in the generation its lookup found. */
  private generation = 0;
  private bytes = 0;
  private counts = { hits: 0, misses: 0, invalidations: 0 };

  constructor(
    readPosition: (since: Look | null) => Promise<Position>,
    private readonly maxBytes: number,
  ) {
    this.commits = commitPosition(readPosition, () => this.look);
  }

  /** Looks where the commits stand, then answers from the cache if no record changed since the answer was kept. */
  async lookup(question: PublicQuestion): Promise<Lookup> {
    const now = await this.commits.now();
    if (!sameLook(now, this.look)) {
      // A look compared with another than the last one taken in cannot vouch for what lies between.
      if (now.recordsChanged || !sameLook(now.since, this.look)) {
        if (this.kept.size > 0) this.counts.invalidations++;
        this.kept.clear();
        this.bytes = 0;
        this.generation++;
      }
      this.look = { snapshot: now.snapshot, offset: now.offset };
    }
    const hit = this.kept.get(question.key);
    if (!hit) {
      this.counts.misses++;
      return { position: String(this.generation), lsn: now.lsn };
    }
    this.counts.hits++;
    this.kept.delete(question.key);
    this.kept.set(question.key, hit);
    return { hit };
  }

  /**
   * Keeps an answer worked out after the lookup that gave `position`, unless a later look found a record changed
   * since: it then holds every change the cache's last look shows (and perhaps later ones, which the next look sees).
   */
  keep(question: PublicQuestion, position: string, body: Buffer, etag: string, contentType: string): void {
    if (position !== String(this.generation)) return;
    const bytes = body.length + question.key.length * 2;
    if (bytes > this.maxBytes) return;
    const before = this.kept.get(question.key);
    if (before) {
      this.kept.delete(question.key);
      this.bytes -= before.bytes;
    }
    this.kept.set(question.key, { body, etag, contentType, bytes });
    this.bytes += bytes;
    for (const [key, oldest] of this.kept) {
      if (this.bytes <= this.maxBytes) break;
      this.kept.delete(key);
      this.bytes -= oldest.bytes;
    }
  }

  stats(): PublicAnswerStats {
    return { ...this.counts, entries: this.kept.size, bytes: this.bytes };
  }
}

/** How often the cache's figures go to the log, when it was used at all. */
const REPORT_EVERY_MS = 60_000;

/** Logs the hits and misses of each minute the cache was used in; returns what stops it. */
export function reportPublicAnswers(answers: PublicAnswers, log: (message: string) => void): () => void {
  let last = answers.stats();
  const timer = setInterval(() => {
    const now = answers.stats();
    const hits = now.hits - last.hits;
    const misses = now.misses - last.misses;
    if (hits + misses > 0)
      log(
        `Public answers in the last minute: ${hits} hits, ${misses} misses, ${now.invalidations - last.invalidations} invalidations; ` +
          `${now.entries} kept in ${(now.bytes / 2 ** 20).toFixed(1)} MiB`,
      );
    last = now;
  }, REPORT_EVERY_MS).unref();
  return () => clearInterval(timer);
}

/** The Cache-Control of a GET answer a CDN may keep and hand to anyone. */
export function publicCacheControl(config: Config['publicCache']): string {
  return `public, max-age=${config.maxAgeSeconds}`;
}

/** Whether an answer of this operation to this caller, given without errors, may be kept for the public. */
export function keptFor(viewer: Viewer, operation: OperationDefinitionNode): boolean {
  return viewer.userId === null && viewer.roles.every((role) => role === Role.CLIENT) && keptRootsOnly(operation);
}

/**
 * Marks an answer that may be kept: a query of kept root fields only, answered without an error, to a caller who is
 * anonymous or a client app. Errors are never kept: an unavailable database or a rate limit is not the data's answer.
 */
export function publicAnswerPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response }) {
          const { viewer, publicAnswer } = contextValue;
          if (!publicAnswer) return;
          publicAnswer.keep =
            operation !== undefined &&
            (response.http.status ?? 200) === 200 &&
            response.body.kind === 'single' &&
            response.body.singleResult.errors === undefined &&
            keptFor(viewer, operation);
        },
      };
    },
  };
}
