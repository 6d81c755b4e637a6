import { seesUnreviewed } from '../../core/access/viewer.js';
import type { ListArgs } from '../../core/paging/connection.js';
import { PUBLIC_STATUSES } from '../../core/review/status.js';
import {
  arrayText,
  type ConnectionPlan,
  connectionPlanner,
  type JsonShape,
  type JsonShapes,
  type NestedJson,
  orNull,
} from '../../core/sql/passthrough.js';
import type { RequestContext } from '../../graphql/context.js';
import type { PassthroughRoot } from '../../graphql/passthrough.js';
import { Event } from '../events/event.entity.js';
import { evidenceOf } from '../evidence/evidence.passthrough.js';
import { Claim } from './claim.entity.js';

/** The claimant, read as its tombstone when deleted by those who may not see it, as the `claimant` resolver reads it. */
const claimant: NestedJson = (field, alias, json) => {
  if (!field.selectionSet) return null;
  const entity = json.alias();
  const object = json.object('Entity', field.selectionSet, entity, true);
  return object && orNull(`(SELECT ${object} FROM entities ${entity} WHERE ${entity}.id = "${alias}"."claimant_id")`);
};

/** A claim as PostgreSQL writes it into an answer (core/sql/passthrough.ts). */
export const claimJson: JsonShape = { type: 'Claim', entity: Claim, nested: { claimant, evidence: evidenceOf('claim_id') } };

const PUBLISHED = PUBLIC_STATUSES.map((status) => `'${status}'`).join(', ');

/** An event's claims that the caller may see (`canSee`), oldest first, as the event's `claims` resolver answers. */
const claimsOfEvent: NestedJson = (field, alias, json) => {
  if (!field.selectionSet) return null;
  const [link, claim] = [json.alias(), json.alias()];
  const object = json.object('Claim', field.selectionSet, claim);
  const published = json.staff ? '' : ` AND ${claim}.status IN (${PUBLISHED})`;
  return (
    object &&
    arrayText(
      object,
      `${claim}.created_at, ${claim}.id`,
      `FROM claim_events ${link} JOIN claims ${claim} ON ${claim}.id = ${link}.claim_id WHERE ${link}.event_id = "${alias}"."id" AND ${claim}.deleted_at IS NULL${published}`,
    )
  );
};

/** The claims about an event, a field of Event declared here as its resolver is (claims-of.resolver.ts). */
export const eventClaimsJson: JsonShape = { type: 'Event', entity: Event, nested: { claims: claimsOfEvent } };

/** The arguments of `claims` a passed-through page takes; a filter or a ranking goes the ordinary way. */
const PAGE_ARGUMENTS = new Set(['first', 'after', 'last', 'before', 'order', 'includeDeleted']);

/** `claims` as PostgreSQL writes it, when the page asks only what the shapes know of its claims. */
export function claimsPassthrough(shapes: JsonShapes): PassthroughRoot<ConnectionPlan> {
  // Named as ClaimsService.list's query names its rows.
  const plan = connectionPlanner(shapes, 'ClaimConnection', 'claim');
  return {
    field: 'claims',
    plan: (set, context) => plan(set, seesUnreviewed((context as RequestContext).viewer)),
    async answer(planned, args, context) {
      if (!Object.keys(args).every((name) => PAGE_ARGUMENTS.has(name))) return null;
      const { services, viewer } = context as RequestContext;
      return planned.write(await services.claims.list(viewer, args as ListArgs, {}, planned.reading));
    },
  };
}
