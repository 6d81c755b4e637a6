import type { GraphQLSchema } from 'graphql';
import type { EntityManager } from 'typeorm';

import { JsonShapes } from '../core/sql/passthrough.js';
import { claimJson, claimsPassthrough, eventClaimsJson } from '../modules/claims/claims.passthrough.js';
import { entityJson } from '../modules/entities/entities.passthrough.js';
import { eventJson, eventsPassthrough } from '../modules/events/events.passthrough.js';
import { evidenceJson } from '../modules/evidence/evidence.passthrough.js';
import { searchPassthrough } from '../modules/search/search.passthrough.js';
import { sourceJson } from '../modules/sources/sources.passthrough.js';
import type { PassthroughRoot } from './passthrough.js';

/** The root fields answered without graphql execution, over the shapes each module declares of its types. */
export function passthroughRoots(schema: GraphQLSchema, manager: EntityManager): PassthroughRoot[] {
  const shapes = new JsonShapes(schema, manager, [claimJson, eventJson, eventClaimsJson, entityJson, evidenceJson, sourceJson]);
  return [claimsPassthrough(shapes), eventsPassthrough(shapes), searchPassthrough(shapes)] as PassthroughRoot[];
}
