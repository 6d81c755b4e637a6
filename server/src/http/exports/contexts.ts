import path from 'node:path';

import { repoRoot } from '../../paths.js';

/**
 * The JSON-LD contexts the exports name, by their public URLs, and the copy of each the project ships in
 * `server/contexts/`, so the exports can be expanded with no network (the tests do).
 */
export const CONTEXTS = {
  /** The W3C Web Annotation context, as published. */
  anno: { url: 'http://www.w3.org/ns/anno.jsonld', file: 'anno.jsonld' },
  /** PROV-O's terms the exports use, named as in the ontology. */
  prov: { url: 'https://www.w3.org/ns/prov.jsonld', file: 'prov.jsonld' },
  /** schema.org's context (vocabulary `http://schema.org/`) cut down to the terms the exports use. */
  schema: { url: 'https://schema.org/', file: 'schema.jsonld' },
} as const;

export const contextsDir = path.join(repoRoot, 'server', 'contexts');
