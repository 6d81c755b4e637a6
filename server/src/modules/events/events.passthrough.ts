import { seesUnreviewed } from '../../core/access/viewer.js';
import type { ListArgs } from '../../core/paging/connection.js';
import { type ConnectionPlan, connectionPlanner, type JsonShape, type JsonShapes } from '../../core/sql/passthrough.js';
import type { RequestContext } from '../../graphql/context.js';
import type { PassthroughRoot } from '../../graphql/passthrough.js';
import { evidenceOf } from '../evidence/evidence.passthrough.js';
import { Event } from './event.entity.js';

/** An event as PostgreSQL writes it into an answer (core/sql/passthrough.ts). */
export const eventJson: JsonShape = { type: 'Event', entity: Event, nested: { evidence: evidenceOf('event_id') } };

/** The arguments of `events` a passed-through page takes; a filter goes the ordinary way. */
const PAGE_ARGUMENTS = new Set(['first', 'after', 'last', 'before', 'order', 'includeDeleted']);

/** `events` as PostgreSQL writes it, when the page asks only what the shapes know of its events. */
export function eventsPassthrough(shapes: JsonShapes): PassthroughRoot<ConnectionPlan> {
  // Named as EventsService.list's query names its rows.
  const plan = connectionPlanner(shapes, 'EventConnection', 'event');
  return {
    field: 'events',
    plan: (set, context) => plan(set, seesUnreviewed((context as RequestContext).viewer)),
    async answer(planned, args, context) {
      if (!Object.keys(args).every((name) => PAGE_ARGUMENTS.has(name))) return null;
      const { services, viewer } = context as RequestContext;
      return planned.write(await services.events.list(viewer, args as ListArgs, {}, planned.reading));
    },
  };
}
