import type { DataSource, EntityManager } from 'typeorm';

import type { Viewer } from '../../core/access/viewer.js';
import { DatePrecision } from '../../core/dates/precision.js';
import { FilterBuilder } from '../../core/filters.js';
import { newId } from '../../core/ids.js';
import { type Connection, type ListArgs, paginate } from '../../core/paging/connection.js';
import { applyPatch } from '../../core/patch.js';
import { sha256Hex } from '../../core/revisions/canonical-json.js';
import { RecordLifecycle } from '../../core/revisions/lifecycle.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { findVisibleRecord } from '../../core/time-travel/time-travel.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { type LookupOptions, visibleOnly } from '../../core/visibility/visibility.js';
import { Source, type SourceInput, SourceRecord, type SourceState } from './source.entity.js';
import { SourceRevision } from './source-revision.entity.js';
import { checkText } from './source-text.js';
import { PublicationDateBasis } from './sources.enums.js';
import type { CreateSourceInput, SourceFilter, UpdateSourceInput } from './sources.types.js';

/** Checks a source's fields, all problems at once, and returns them normalised. */
function checkFields(fields: SourceInput): SourceInput {
  const check = new InputCheck();
  const published = check.datedAt('publishedAt', fields.publishedAt, fields.publishedPrecision, [
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
  ]);
  const basis = fields.publishedBasis ? check.oneOf('publishedBasis', fields.publishedBasis, PublicationDateBasis) : null;
  if (published.date && !basis) check.fail('publishedBasis', 'say how the publication date is known');
  if (!published.date && basis) check.fail('publishedBasis', 'only goes with a publication date');
  const normalised = {
    ...SourceRecord.check(check, fields),
    publishedAt: published.date,
    publishedPrecision: published.precision,
    publishedBasis: basis,
  };
  check.done();
  return normalised;
}

export class SourcesService {
  /** Soft delete, restore, and the row as a write left it. */
  readonly lifecycle: RecordLifecycle<SourceState, Source>;

  constructor(private readonly dataSource: DataSource) {
    this.lifecycle = new RecordLifecycle(dataSource, SourceRecord);
  }

  /** The record now or, with `asOf`, as it stood then; null when the viewer may not see it. */
  get(viewer: Viewer, id: string, options: LookupOptions = {}): Promise<Source | null> {
    return findVisibleRecord(this.dataSource, viewer, SourceRecord, Source, id, options);
  }

  list(viewer: Viewer, args: ListArgs, filter: SourceFilter = {}): Promise<Connection<Source>> {
    const query = new FilterBuilder(this.dataSource.getRepository(Source).createQueryBuilder('source'))
      .oneOf('kind', filter.kind)
      .oneOf('language', filter.language)
      .done();
    return paginate(visibleOnly(viewer, query, { reviewed: false, includeDeleted: args.includeDeleted }), args);
  }

  /** Creates a source with its first text snapshot: one record, one revision. */
  async create(
    context: WriteContext,
    input: CreateSourceInput & { id?: string; storyId?: string | null; reprintOfId?: string | null },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Written<SourceState>> {
    const textCheck = new InputCheck();
    checkText(textCheck, 'text', input.text);
    textCheck.done();
    const fields = checkFields(applyPatch(SourceRecord.empty(), input));
    const id = input.id ?? newId();
    const now = new Date();
    const textRevision = { id: newId(), number: 1, sha256: sha256Hex(input.text) };
    return new RecordWriter(manager).create(context, SourceRecord, id, input.reason ?? null, async (tx) => {
      const state = await SourceRecord.insertState(
        tx,
        id,
        {
          ...fields,
          storyId: input.storyId ?? null,
          reprintOfId: input.reprintOfId ?? null,
          textRevision,
          deletedAt: null,
          deleteReason: null,
        },
        now,
      );
      await tx.insert(SourceRevision, {
        ...textRevision,
        sourceId: id,
        text: input.text,
        reason: input.reason ?? null,
        actor: context.actor,
        actorUserId: context.actorUserId,
        createdAt: now,
      });
      return state;
    });
  }

  async update(context: WriteContext, input: UpdateSourceInput): Promise<Source> {
    const target = {
      id: requireId(input.id),
      expectedVersion: input.expectedVersion,
      reason: input.reason ?? null,
      operation: RevisionOperation.UPDATE,
    };
    await new RecordWriter(this.dataSource).replace(context, SourceRecord, target, (before) => ({
      ...before,
      ...checkFields(applyPatch<SourceInput>(before, input)),
    }));
    return this.lifecycle.current(target.id);
  }
}
