import express, { type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';

import type { Config } from '../../config.js';
import { seesUnreviewed } from '../../core/access/viewer.js';
import { CHECKPOINT_FORMAT, checkpointText } from '../../core/checkpoints/checkpoint.js';
import { publicKeyPem } from '../../core/checkpoints/signing-key.js';
import { DomainError, ErrorCode } from '../../core/errors.js';
import type { Services } from '../../graphql/context.js';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../graphql/errors.js';
import { sessionCookieFor, viewerOf } from '../session.js';
import { parseAuditFilter, requireStaff, writeAuditTrail } from './audit-trail-csv.js';
import { claimReviews } from './claim-reviews.js';
import { claimsCsv } from './claims-csv.js';
import { evidenceAnnotations } from './evidence-annotations.js';
import { parseFilters } from './filters.js';
import { Agents, Iris } from './iris.js';
import { provenance } from './provenance-prov.js';
import { ExportOutput } from './stream.js';

const EXPORT_FORMATS = [claimsCsv, evidenceAnnotations, provenance, claimReviews];

const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

/** Errors answer as the API's do: JSON with a code (and a bad filter's field list), never a page or a trace. */
function sendError(res: Response, status: number, code: ErrorCode, message: string, details: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...details } }] });
}

export interface ExportsRouterOptions {
  dataSource: DataSource;
  services: Services;
  auth: Config['auth'];
  iris: Iris;
  log: (message: string, error?: unknown) => void;
}

/**
 * `GET /exports/<file>`: whole filtered lists, streamed in keyset batches. The caller is recognised exactly as
 * at /graphql (session cookie, session token or API key) and sees what the API would show them (invariant 7).
 */
export function exportsRouter({ dataSource, services, auth, iris, log }: ExportsRouterOptions): Router {
  const router = express.Router();

  /** Errors answer with a code; once streaming began, cutting the connection is the only honest answer. */
  const failed = (res: Response, error: unknown, file: string): void => {
    if (res.headersSent) {
      // Too late for a status: cutting the connection keeps a truncated export from passing for a whole one.
      log(`Export ${file} failed while streaming`, error);
      res.destroy();
    } else if (error instanceof DomainError) {
      sendError(res, STATUS_OF[error.code] ?? 500, error.code, error.message, error.details);
    } else if (isDatabaseUnavailable(error)) {
      log(`Export ${file} failed`, error);
      res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
      sendError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, DATABASE_UNAVAILABLE, { retryable: true });
    } else if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
      const http = error.extensions.http as { status?: number } | undefined;
      sendError(res, http?.status ?? 400, error.extensions.code as ErrorCode, error.message);
    } else {
      log(`Export ${file} failed`, error);
      sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
  };

  for (const format of EXPORT_FORMATS) {
    router.get(`/${format.file}`, async (req, res) => {
      try {
        const viewer = await viewerOf(req, sessionCookieFor(res, auth), services);
        const filters = parseFilters(req.query as Record<string, unknown>);
        const staff = seesUnreviewed(viewer);
        res.setHeader('Content-Type', format.contentType);
        res.setHeader('Content-Disposition', `attachment; filename="${format.file}"`);
        // What an export holds depends on who asks, and it is a moment's picture: no cache should keep it.
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        const out = new ExportOutput(res);
        await format.write(out, { dataSource, viewer, staff, filters, iris, agents: new Agents(dataSource.manager, iris, staff) });
        out.end();
      } catch (error) {
        failed(res, error, format.file);
      }
    });
  }

  // Public on purpose: a checkpoint is worth most in the hands of outsiders, who can later hold the log to it.
  // It tells no more than how many records have a history and how long the log is.
  router.get('/checkpoints', async (_req, res) => {
    try {
      const checkpoints = await services.checkpoints.list();
      res.setHeader('Cache-Control', 'no-store');
      res.json({
        format: CHECKPOINT_FORMAT,
        algorithm: 'Ed25519',
        keyId: services.checkpoints.keyId,
        publicKey: publicKeyPem(services.checkpoints.publicKey),
        tree: 'RFC 6962; leaf = canonical JSON [recordType, recordId, version, hash] of each chain head, sorted by recordType then recordId as bytes',
        checkpoints: checkpoints.map((checkpoint) => ({
          ...checkpoint,
          createdAt: checkpoint.createdAt.toISOString(),
          signedText: checkpointText(checkpoint),
        })),
      });
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
        sendError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, DATABASE_UNAVAILABLE, { retryable: true });
      } else {
        log('Export checkpoints failed', error);
        sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
      }
    }
  });

  router.get('/audit-trail.csv', async (req, res) => {
    try {
      const viewer = await viewerOf(req, sessionCookieFor(res, auth), services);
      requireStaff(viewer);
      const filter = parseAuditFilter(req.query as Record<string, unknown>);
      // The filters are checked before anything is sent, so a bad one still gets its 400.
      services.history.auditQuery(viewer, filter);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
      res.setHeader('Content-Disposition', 'attachment; filename="audit-trail.csv"');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const out = new ExportOutput(res);
      await writeAuditTrail(out, { viewer, history: services.history, agents: new Agents(dataSource.manager, iris, true), filter });
      out.end();
    } catch (error) {
      failed(res, error, 'audit-trail.csv');
    }
  });

  router.get('/checkpoints/public-key', (_req, res) => {
    res.setHeader('Content-Type', 'application/x-pem-file');
    res.setHeader('X-Checkpoint-Key-Id', services.checkpoints.keyId);
    res.send(publicKeyPem(services.checkpoints.publicKey));
  });

  router.use((req, res) => {
    sendError(
      res,
      404,
      ErrorCode.NOT_FOUND,
      `No export at ${req.baseUrl}${req.path}; there are ${[...EXPORT_FORMATS.map((format) => format.file), 'audit-trail.csv', 'checkpoints', 'checkpoints/public-key'].join(', ')}`,
    );
  });

  return router;
}
