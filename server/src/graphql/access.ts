/**
 * Root fields open to everyone, anonymous callers included. Every other root field must declare its roles with
 * `@Authorized`; a test walks the schema and fails on a field that does neither. What anyone may then see is
 * still narrowed by visibility (invariant 7): drafts never reach client apps or anonymous callers.
 */
export const PUBLIC_FIELDS: ReadonlySet<string> = new Set([
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
  'me',
  'login',
  'logout',
]);
