import { type EntityManager, In } from 'typeorm';

import { createCorrectionReanchorer, createReanchorer, type ReanchorResult } from '../../core/anchoring/reanchor.js';
import { BadInputError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { ReviewStatus } from '../../core/review/status.js';
import { sha256Hex } from '../../core/revisions/canonical-json.js';
import { RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { lockRowsById } from '../../core/row-locks.js';
import { preload } from '../../core/sql/preload.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { Annotation, AnnotationRecord } from '../annotations/annotation.entity.js';
import type { Claim } from '../claims/claim.entity.js';
import type { Event } from '../events/event.entity.js';
import { Evidence, EvidenceRecord } from '../evidence/evidence.entity.js';
import { AnchorStatus } from '../evidence/evidence.enums.js';
import { ownerStatus, reopenAfterCorrection } from '../review/review.service.js';
import { Source, SourceRecord } from '../sources/source.entity.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { checkText } from '../sources/source-text.js';
import type { CorrectSourceTextInput, EvidenceReanchoring, ReanchorReport } from './corrections.types.js';

const ORDER: Record<AnchorStatus, number> = { [AnchorStatus.ORPHANED]: 0, [AnchorStatus.FUZZY]: 1, [AnchorStatus.ANCHORED]: 2 };

/**
 * Corrects a source's text (invariant 4), in one transaction: a new immutable snapshot, an UPDATE revision of
 * the source, and a REANCHOR revision for every evidence on it. Each evidence is found again in the new text:
 * by the edit itself, by position, by its quote and context, or approximately (FUZZY, for a reviewer); an
 * evidence that cannot be found stays ORPHANED on the snapshot whose words it still matches.
 */
export async function correctSourceText(
  manager: EntityManager,
  context: WriteContext,
  input: CorrectSourceTextInput,
): Promise<ReanchorReport> {
  const id = requireId(input.id);
  const check = new InputCheck();
  checkText(check, 'text', input.text);
  const reason = check.text('reason', input.reason, { max: 5000 });
  check.done();
  const preview = input.preview === true;

  // A preview runs the very correction, and rolls it back: what it shows is what saving would do.
  return manager
    .transaction(async (tx): Promise<ReanchorReport> => {
      const writer = new RecordWriter(tx);
      let revision: SourceRevision | null = null;
      let previousText = '';
      await writer.change(
        context,
        SourceRecord,
        { id, expectedVersion: input.expectedVersion, reason, operation: RevisionOperation.UPDATE },
        async (m, before) => {
          const current = await m.findOneByOrFail(SourceRevision, { id: before.textRevision.id });
          if (current.text === input.text)
            throw new BadInputError([{ field: 'text', message: 'is the text as it stands: nothing to correct' }]);
          previousText = current.text;
          revision = m.create(SourceRevision, {
            id: newId(),
            sourceId: id,
            number: current.number + 1,
            text: input.text,
            sha256: sha256Hex(input.text),
            reason,
            actor: context.actor,
            actorUserId: context.actorUserId,
            createdAt: new Date(),
          });
          await m.insert(SourceRevision, revision);
        },
      );
      const corrected = revision as unknown as SourceRevision;
      const source = await tx.findOneByOrFail(Source, { id });

      const revisions = await tx.find(SourceRevision, { where: { sourceId: id }, select: { id: true, number: true } });
      const previousId = revisions.find((r) => r.number === corrected.number - 1)!.id;
      const fromPrevious = createCorrectionReanchorer(previousText, input.text);
      const fromOlder = createReanchorer(input.text);

      const olderIds = revisions.filter((r) => r.id !== corrected.id).map((r) => r.id);
      const evidence = await tx.find(Evidence, {
        where: { sourceRevisionId: In(olderIds) },
        order: { startPos: 'ASC', id: 'ASC' },
      });
      const changes: EvidenceReanchoring[] = [];
      const reopened: Array<Claim | Event> = [];
      const readings = evidence.map((item) => {
        const before = { exact: item.exact, prefix: item.prefix, suffix: item.suffix, start: item.startPos, end: item.endPos };
        // Evidence already orphaned on an older snapshot is looked for again, but only by its quote and context.
        const result: ReanchorResult = item.sourceRevisionId === previousId ? fromPrevious(before) : fromOlder(before);
        const status =
          result.status === 'ANCHORED' ? AnchorStatus.ANCHORED : result.status === 'FUZZY' ? AnchorStatus.FUZZY : AnchorStatus.ORPHANED;
        return { item, before, result, status };
      });
      // The records whose words moved are locked before any is written, in one order, as every writer of several
      // claims or events locks them: corrections of two sources quoting the same records in other orders wait, not deadlock.
      const reworded = readings.filter((reading) => reading.status !== AnchorStatus.ANCHORED).map((reading) => reading.item);
      await lockRowsById(
        tx,
        'claims',
        reworded.flatMap((item) => (item.claimId ? [item.claimId] : [])),
      );
      await lockRowsById(
        tx,
        'events',
        reworded.flatMap((item) => (item.eventId ? [item.eventId] : [])),
      );
      for (const { item, before, result, status } of readings) {
        // Reworded words of a verified record: clients go on reading the words it was verified on, where they stand.
        const keepsVerified = status !== AnchorStatus.ANCHORED && (await ownerStatus(tx, item)) === ReviewStatus.VERIFIED;
        await writer.replace(
          context,
          EvidenceRecord,
          { id: item.id, expectedVersion: item.version, reason, operation: RevisionOperation.REANCHOR },
          (state) => {
            const verifiedQuote = keepsVerified
              ? (state.verifiedQuote ?? { sourceRevisionId: state.sourceRevisionId, ...state.selector })
              : state.verifiedQuote;
            return result.status === 'ORPHANED'
              ? { ...state, anchorStatus: AnchorStatus.ORPHANED, verifiedQuote }
              : { ...state, sourceRevisionId: corrected.id, selector: result.selector, anchorStatus: status, verifiedQuote };
          },
        );
        // A reviewer must confirm a near match or re-select lost words: a verified record waits for it as last
        // verified, any other judged record goes back to review; a correction does not reach into what a retraction closed.
        if (status !== AnchorStatus.ANCHORED) {
          const sentBack = await reopenAfterCorrection(tx, context, item, reason);
          if (sentBack) reopened.push(sentBack);
        }
        const moved = await tx.findOneByOrFail(Evidence, { id: item.id });
        // What the evidence now points into, given with it: a preview's snapshot is never saved, so never read back.
        if (moved.sourceRevisionId === corrected.id) {
          preload(moved, 'sourceRevision', corrected);
          preload(moved, 'source', source);
        }
        changes.push({
          evidence: moved,
          status,
          method: result.status === 'ANCHORED' ? result.method : null,
          similarity: result.status === 'FUZZY' ? result.similarity : null,
          before,
          after: result.status === 'ORPHANED' ? null : result.selector,
        });
      }
      changes.sort((a, b) => ORDER[a.status] - ORDER[b.status]);

      // Notes on spans follow only to the very same words; otherwise they stay on the snapshot they were written on.
      const notes = await tx.find(Annotation, { where: { sourceRevisionId: In(olderIds) } });
      let annotationsMoved = 0;
      for (const note of notes) {
        const before = {
          exact: note.exact!,
          prefix: note.prefix ?? '',
          suffix: note.suffix ?? '',
          start: note.startPos!,
          end: note.endPos!,
        };
        const result = note.sourceRevisionId === previousId ? fromPrevious(before) : fromOlder(before);
        if (result.status !== 'ANCHORED') continue;
        await writer.replace(
          context,
          AnnotationRecord,
          { id: note.id, expectedVersion: note.version, reason, operation: RevisionOperation.REANCHOR },
          (state) => ({
            ...state,
            span: { sourceRevisionId: corrected.id, ...result.selector },
          }),
        );
        annotationsMoved++;
      }
      const count = (status: AnchorStatus) => changes.filter((change) => change.status === status).length;
      const report: ReanchorReport = {
        source,
        revision: corrected,
        anchored: count(AnchorStatus.ANCHORED),
        fuzzy: count(AnchorStatus.FUZZY),
        orphaned: count(AnchorStatus.ORPHANED),
        annotationsMoved,
        changes,
        reopened,
        preview,
      };
      if (preview) throw new RolledBack(report);
      return report;
    })
    .catch((error: unknown) => {
      if (error instanceof RolledBack) return error.report;
      throw error;
    });
}

/** How a preview leaves its transaction: thrown, so that nothing it wrote is committed, with what it would have done. */
class RolledBack extends Error {
  constructor(readonly report: ReanchorReport) {
    super('preview rolled back');
  }
}
