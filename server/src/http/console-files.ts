import fs from 'node:fs';
import path from 'node:path';

import express, { type NextFunction, type Request, type Response, type Router } from 'express';

/** What the console's build writes beside each large file, most compact first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/** The content codings a request's Accept-Encoding takes (a q of 0 refuses one; `*` takes any not named). */
export function acceptedEncodings(header: string | undefined): (encoding: string) => boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name, q === undefined ? 1 : Number(q));
  }
  return (encoding) => (weights.get(encoding) ?? weights.get('*') ?? 0) > 0;
}

/**
 * The console's built files under `dir`. Files in `assets/` are named by a hash of their content, so a browser
 * keeps them a year without asking again; the pages naming them (`*.html`) are asked for again on every load, so a
 * new build is seen at once. An asset is sent as the brotli or gzip copy the build wrote beside it when the browser
 * takes that coding, so nothing is compressed per request.
 */
export function consoleFiles(dir: string, pageHeaders: (res: Response, file: string) => void): Router {
  const assets = path.join(dir, 'assets');
  const router = express.Router();
  router.use(
    '/assets',
    (req: Request, res: Response, next: NextFunction) => {
      // Asset names are flat, without directories: anything else is no asset of the build.
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^\/[\w.-]+$/.test(req.path)) return next();
      res.vary('Accept-Encoding');
      const accepts = acceptedEncodings(req.get('accept-encoding'));
      const copy = PRECOMPRESSED.find(({ encoding, suffix }) => accepts(encoding) && fs.existsSync(path.join(assets, req.path + suffix)));
      if (copy) {
        res.type(path.extname(req.path));
        res.setHeader('Content-Encoding', copy.encoding);
        req.url = req.path + copy.suffix;
      }
      next();
    },
    express.static(assets, {
      index: false,
      immutable: true,
      maxAge: '365d',
      // A stale page asking for an asset a newer build replaced gets a 404, not the console's page in its place.
      fallthrough: false,
      setHeaders: pageHeaders,
    }),
    (error: { status?: number }, _req: Request, res: Response, next: NextFunction) => {
      if (error.status !== 404) return next(error);
      res.removeHeader('Content-Encoding');
      res.status(404).type('text').send('No such file in this build of the console.');
    },
  );
  router.use(
    express.static(dir, {
      index: false,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('Cache-Control', 'no-cache');
        pageHeaders(res, file);
      },
    }),
  );
  return router;
}
