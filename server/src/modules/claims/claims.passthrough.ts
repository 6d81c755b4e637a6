import type { GraphQLSchema } from 'graphql';
import type { EntityManager } from 'typeorm';

import { seesUnreviewed } from '../../core/access/viewer.js';
import type { ListArgs } from '../../core/paging/connection.js';
import { type ConnectionPlan, connectionPlanner, type JsonShape, JsonShapes, type NestedJson } from '../../core/sql/passthrough.js';
import type { RequestContext } from '../../graphql/context.js';
import type { PassthroughRoot } from '../../graphql/passthrough.js';
import { entityJson } from '../entities/entities.passthrough.js';
import { evidenceJson, evidenceOf } from '../evidence/evidence.passthrough.js';
import { sourceJson } from '../sources/sources.passthrough.js';
import { Claim } from './claim.entity.js';

/** The claimant, read as its tombstone when deleted by those who may not see it, as the `claimant` resolver reads it. */
const claimant: NestedJson = (field, alias, json) => {
  if (!field.selectionSet) return null;
  const entity = json.alias();
  const object = json.object('Entity', field.selectionSet, entity, true);
  return object && `(SELECT ${object} FROM entities ${entity} WHERE ${entity}.id = "${alias}"."claimant_id")`;
};

/** A claim as PostgreSQL writes it into an answer (core/sql/passthrough.ts). */
export const claimJson: JsonShape = { type: 'Claim', entity: Claim, nested: { claimant, evidence: evidenceOf('claim_id') } };

/** The arguments of `claims` a passed-through page takes; a filter or a ranking goes the ordinary way. */
const PAGE_ARGUMENTS = new Set(['first', 'after', 'last', 'before', 'order', 'includeDeleted']);

/** `claims` as PostgreSQL writes it, when the page asks only what the shapes know of its claims. */
export function claimsPassthrough(schema: GraphQLSchema, manager: EntityManager): PassthroughRoot<ConnectionPlan> {
  // Named as ClaimsService.list's query names its rows.
  const plan = connectionPlanner(
    new JsonShapes(schema, manager, [claimJson, entityJson, evidenceJson, sourceJson]),
    'ClaimConnection',
    'claim',
  );
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
