import type { EntityManager } from 'typeorm';

import { BadInputError, NotFoundError } from '../../core/errors.js';
import { RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { lockRowsById } from '../../core/row-locks.js';
import { InputCheck } from '../../core/validation.js';
import { AnnotationRecord } from '../annotations/annotation.entity.js';
import { ClaimRecord } from '../claims/claim.entity.js';
import { EntityKindRecord } from '../entities/entity.entity.js';
import { byParticipant, EventRecord, participantKey, type ParticipantState } from '../events/event.entity.js';
import type { RecordNewNameInput } from './merging.types.js';

/** The tag of the note an import leaves on a name that matched no entity, and which recording the name resolves. */
export const NEW_NAME_TAG = 'new-name';

/** Two spellings of one name: case, compatibility forms and runs of spaces aside. */
const sameName = (a: string, b: string) => {
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
  return fold(a) === fold(b);
};

/**
 * Records a name the importer found as an entity, in one transaction: the note is resolved, the name becomes one
 * of the entity's aliases (so the next import knows it), and the records drawn from the same source text that
 * carried the name as a bare label — an event's participant, a claim's claimant — now name the entity, each
 * with its own revision. Records drawn from other sources keep their labels: the same words there may name
 * someone else.
 */
export async function recordNewName(
  manager: EntityManager,
  context: WriteContext,
  input: RecordNewNameInput,
): Promise<{ movedClaims: number; movedEvents: number }> {
  const check = new InputCheck();
  const noteId = check.id('noteId', input.noteId);
  const entityId = check.id('entityId', input.entityId);
  const reason = input.reason === undefined || input.reason === null ? null : check.text('reason', input.reason, { max: 5000 });
  check.done();

  return manager.transaction(async (tx) => {
    const writer = new RecordWriter(tx);
    const note = await writer.replace(
      context,
      AnnotationRecord,
      {
        id: noteId,
        expectedVersion: input.noteExpectedVersion,
        reason: reason ?? 'Recorded as an entity',
        operation: RevisionOperation.UPDATE,
      },
      (before) => {
        if (before.deletedAt) throw new BadInputError([{ field: 'noteId', message: 'is deleted' }]);
        if (!before.tags.includes(NEW_NAME_TAG) || !before.span)
          throw new BadInputError([{ field: 'noteId', message: `is not a note on a new name (tagged ${NEW_NAME_TAG}, on a span)` }]);
        if (before.resolved) throw new BadInputError([{ field: 'noteId', message: 'is already resolved' }]);
        return { ...before, resolved: true };
      },
    );
    const { exact: name, sourceRevisionId } = note.state.span!;
    const why = reason ?? `“${name}” recorded as entity ${entityId}`;

    await lockRowsById(tx, EntityKindRecord.table, [entityId]);
    const entity = await EntityKindRecord.loadState(tx, entityId);
    if (!entity) throw new NotFoundError('Entity', entityId);
    if (entity.deletedAt) throw new BadInputError([{ field: 'entityId', message: 'is deleted' }]);
    if (entity.mergedIntoId) throw new BadInputError([{ field: 'entityId', message: 'is merged into another entity' }]);
    if (![entity.name, ...entity.aliases].some((known) => sameName(known, name)))
      await writer.replace(
        context,
        EntityKindRecord,
        { id: entityId, expectedVersion: input.entityExpectedVersion, reason: why, operation: RevisionOperation.UPDATE },
        (before) => ({
          ...before,
          aliases: [...before.aliases, name],
        }),
      );

    const drawn = (column: 'claim_id' | 'event_id') =>
      `SELECT DISTINCT ${column} FROM evidence WHERE source_revision_id = $1 AND deleted_at IS NULL AND ${column} IS NOT NULL`;
    const events = (await tx.query(
      `SELECT id, version, (SELECT array_agg(label) FROM event_participants WHERE event_id = events.id AND label IS NOT NULL) AS labels
         FROM events
        WHERE deleted_at IS NULL AND id IN (${drawn('event_id')})
        ORDER BY id FOR UPDATE`,
      [sourceRevisionId],
    )) as Array<{ id: string; version: number; labels: string[] | null }>;
    let movedEvents = 0;
    for (const event of events.filter((e) => e.labels?.some((label) => sameName(label, name)))) {
      await writer.replace(
        context,
        EventRecord,
        { id: event.id, expectedVersion: event.version, reason: why, operation: RevisionOperation.UPDATE },
        (before) => {
          const participants = new Map<string, ParticipantState>();
          for (const p of before.participants) {
            const named = typeof p.label === 'string' && sameName(p.label, name) ? { entityId, role: p.role } : p;
            participants.set(participantKey(named), named);
          }
          return { ...before, participants: [...participants.values()].sort(byParticipant) };
        },
      );
      movedEvents += 1;
    }

    const claims = (await tx.query(
      `SELECT id, version, claimant_label AS label FROM claims
        WHERE deleted_at IS NULL AND claimant_id IS NULL AND claimant_label IS NOT NULL AND id IN (${drawn('claim_id')})
        ORDER BY id FOR UPDATE`,
      [sourceRevisionId],
    )) as Array<{ id: string; version: number; label: string }>;
    let movedClaims = 0;
    for (const claim of claims.filter((c) => sameName(c.label, name))) {
      await writer.replace(
        context,
        ClaimRecord,
        { id: claim.id, expectedVersion: claim.version, reason: why, operation: RevisionOperation.UPDATE },
        (before) => ({
          ...before,
          claimantId: entityId,
          claimantLabel: null,
        }),
      );
      movedClaims += 1;
    }
    return { movedClaims, movedEvents };
  });
}
