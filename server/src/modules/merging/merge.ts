import type { EntityManager } from 'typeorm';

import { BadInputError } from '../../core/errors.js';
import { RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { lockRowsById } from '../../core/row-locks.js';
import { InputCheck } from '../../core/validation.js';
import { ClaimRecord } from '../claims/claim.entity.js';
import { EntityKindRecord } from '../entities/entity.entity.js';
import { byParticipant, EventRecord, participantKey, type ParticipantState } from '../events/event.entity.js';
import type { MergeEntitiesInput } from './merging.types.js';

const swap = (ids: string[], from: string, to: string) => [...new Set(ids.map((id) => (id === from ? to : id)))].sort();

/**
 * Merges two entities in one transaction. The loser becomes a redirect (`mergedIntoId`), the winner takes its
 * names as aliases, and each claim and event that named the loser is rewritten to name the winner: every one of
 * those records gets its own MERGE revision, so replaying any record still gives its state.
 */
export async function mergeEntities(
  manager: EntityManager,
  context: WriteContext,
  input: MergeEntitiesInput,
): Promise<{ movedClaims: number; movedEvents: number }> {
  const check = new InputCheck();
  const winnerId = check.id('winnerId', input.winnerId);
  const loserId = check.id('loserId', input.loserId);
  const reason = check.text('reason', input.reason, { max: 5000 });
  if (winnerId === loserId) check.fail('loserId', 'an entity cannot be merged into itself');
  check.done();

  return manager.transaction(async (tx) => {
    // Two merges of the same pair, either way round, then wait for each other instead of deadlocking.
    await lockRowsById(tx, EntityKindRecord.table, [loserId, winnerId]);
    const writer = new RecordWriter(tx);
    const loser = await writer.replace(
      context,
      EntityKindRecord,
      { id: loserId, expectedVersion: input.loserExpectedVersion, reason, operation: RevisionOperation.MERGE },
      (before) => {
        if (before.deletedAt) throw new BadInputError([{ field: 'loserId', message: 'is deleted' }]);
        if (before.mergedIntoId) throw new BadInputError([{ field: 'loserId', message: 'is already merged into another entity' }]);
        return { ...before, mergedIntoId: winnerId };
      },
    );
    await writer.replace(
      context,
      EntityKindRecord,
      { id: winnerId, expectedVersion: input.winnerExpectedVersion, reason, operation: RevisionOperation.MERGE },
      (before) => {
        if (before.deletedAt) throw new BadInputError([{ field: 'winnerId', message: 'is deleted' }]);
        if (before.mergedIntoId) throw new BadInputError([{ field: 'winnerId', message: 'is itself merged into another entity' }]);
        const aliases = [...new Set([...before.aliases, loser.state.name, ...loser.state.aliases])].filter(
          (alias) => alias !== before.name,
        );
        return { ...before, aliases, externalIds: { ...loser.state.externalIds, ...before.externalIds } };
      },
    );

    const claims = (await tx.query(
      `SELECT id, version FROM claims WHERE claimant_id = $1 OR id IN (SELECT claim_id FROM claim_entities WHERE entity_id = $1) ORDER BY id FOR UPDATE`,
      [loserId],
    )) as Array<{ id: string; version: number }>;
    for (const claim of claims) {
      await writer.replace(
        context,
        ClaimRecord,
        { id: claim.id, expectedVersion: claim.version, reason, operation: RevisionOperation.MERGE },
        (before) => ({
          ...before,
          claimantId: before.claimantId === loserId ? winnerId : before.claimantId,
          entityIds: swap(before.entityIds, loserId, winnerId),
        }),
      );
    }

    const events = (await tx.query(
      `SELECT id, version FROM events WHERE place_id = $1 OR id IN (SELECT event_id FROM event_participants WHERE entity_id = $1) ORDER BY id FOR UPDATE`,
      [loserId],
    )) as Array<{ id: string; version: number }>;
    for (const event of events) {
      await writer.replace(
        context,
        EventRecord,
        { id: event.id, expectedVersion: event.version, reason, operation: RevisionOperation.MERGE },
        (before) => {
          // A label participant stays as it is: it names no entity to merge.
          const participants = new Map<string, ParticipantState>();
          for (const p of before.participants) {
            const moved = p.entityId === loserId ? { entityId: winnerId, role: p.role } : p;
            participants.set(participantKey(moved), moved);
          }
          return {
            ...before,
            placeId: before.placeId === loserId ? winnerId : before.placeId,
            participants: [...participants.values()].sort(byParticipant),
          };
        },
      );
    }
    return { movedClaims: claims.length, movedEvents: events.length };
  });
}
