import type { DataSource } from 'typeorm';

import { EventsService } from '../../src/modules/events/events.service.js';
import { EvidenceService } from '../../src/modules/evidence/evidence.service.js';
import { reopenAfterEvidenceChange } from '../../src/modules/review/review.service.js';
import { IMPORT_ACTOR, IMPORT_REASON } from './bulk-load.js';
import { EVENT_TYPES } from './vocabulary.js';

/** The event types the corpus's events name, written through the service as an import would. */
export async function createEventTypes(dataSource: DataSource): Promise<void> {
  const events = new EventsService(dataSource, new EvidenceService(dataSource, reopenAfterEvidenceChange));
  const context = { actor: IMPORT_ACTOR, actorUserId: null, requestId: null };
  for (const type of EVENT_TYPES) await events.createType(context, { ...type, reason: IMPORT_REASON });
}
