import type { GraphQLSchema } from 'graphql';
import type { EntityManager } from 'typeorm';

import type { ListArgs } from '../../core/paging/connection.js';
import { type ConnectionPlan, connectionPlanner } from '../../core/sql/passthrough.js';
import type { RequestContext } from '../../graphql/context.js';
import type { PassthroughRoot } from '../../graphql/passthrough.js';
import { Claim } from './claim.entity.js';

/** The arguments of `claims` a passed-through page takes; a filter or a ranking goes the ordinary way. */
const PAGE_ARGUMENTS = new Set(['first', 'after', 'last', 'before', 'order', 'includeDeleted']);

/** `claims` as PostgreSQL writes it, when the page asks only plain fields of its claims (core/sql/passthrough.ts). */
export function claimsPassthrough(schema: GraphQLSchema, manager: EntityManager): PassthroughRoot<ConnectionPlan> {
  // Named as ClaimsService.list's query names its rows.
  const plan = connectionPlanner(schema, 'ClaimConnection', manager, Claim, 'claim');
  return {
    field: 'claims',
    plan,
    async answer(planned, args, context) {
      if (!Object.keys(args).every((name) => PAGE_ARGUMENTS.has(name))) return null;
      const { services, viewer } = context as RequestContext;
      return planned.write(await services.claims.list(viewer, args as ListArgs, {}, planned.reading));
    },
  };
}
