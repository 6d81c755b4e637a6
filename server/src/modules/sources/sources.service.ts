import type { DataSource, EntityManager } from 'typeorm';
import { DatePrecision } from '../../core/dates/precision.js';
import { FilterBuilder } from '../../core/filters.js';
import { newId } from '../../core/ids.js';
import { paginate, type Connection, type ListArgs } from '../../core/paging/connection.js';
import { applyPatch } from '../../core/patch.js';
import { sha256Hex } from '../../core/revisions/canonical-json.js';
import { RecordLifecycle } from '../../core/revisions/lifecycle.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { findVisibleRecord } from '../../core/time-travel/time-travel.js';
import { visibleOnly, type LookupOptions } from '../../core/visibility/visibility.js';
import type { Viewer } from '../../core/access/viewer.js';
import { PublicationDateBasis, Reliability, SourceKind } from './sources.enums.js';
import { EMPTY_SOURCE_FIELDS, SourceRecord, type SourceFields, type SourceState } from './sources.state.js';
import type { CreateSourceInput, SourceFilter, UpdateSourceInput } from './sources.types.js';
import { checkText } from './source-text.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';

/** A BCP 47 tag, loosely: a primary language and optional subtags. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** Checks a source's fields, all problems at once, and returns them normalised. */
function checkFields(fields: SourceFields): SourceFields {
  const check = new InputCheck();
  const published = check.datedAt('publishedAt', fields.publishedAt, fields.publishedPrecision, [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]);
  const basis = fields.publishedBasis ? check.oneOf('publishedBasis', fields.publishedBasis, PublicationDateBasis) : null;
  if (published.date && !basis) check.fail('publishedBasis', 'say how the publication date is known');
  if (!published.date && basis) check.fail('publishedBasis', 'only goes with a publication date');
  const language = check.text('language', fields.language, { max: 35 });
  if (language && !LANGUAGE_TAG.test(language)) check.fail('language', 'must be a BCP 47 language tag such as "en" or "pt-BR"');
  const normalised: SourceFields = {
    title: check.text('title', fields.title, { max: 500 }),
    url: check.url('url', fields.url),
    publisher: check.optionalText('publisher', fields.publisher, { max: 300 }),
    author: check.optionalText('author', fields.author, { max: 300 }),
    publishedAt: published.date,
    publishedPrecision: published.precision,
    publishedBasis: basis,
    publishedNote: check.optionalText('publishedNote', fields.publishedNote, { max: 5000 }),
    language,
    kind: check.oneOf('kind', fields.kind, SourceKind),
    reliability: fields.reliability ? check.oneOf('reliability', fields.reliability, Reliability) : null,
    reliabilityNote: check.optionalText('reliabilityNote', fields.reliabilityNote, { max: 5000 }),
  };
  check.done();
  return normalised;
}

export class SourcesService {
  /** Soft delete, restore, and the row as a write left it. */
  readonly lifecycle: RecordLifecycle<SourceState, Source>;

  constructor(private readonly dataSource: DataSource) {
    this.lifecycle = new RecordLifecycle(dataSource, SourceRecord, Source);
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
    input: CreateSourceInput & { id?: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Written<SourceState>> {
    const textCheck = new InputCheck();
    checkText(textCheck, 'text', input.text);
    textCheck.done();
    const fields = checkFields(applyPatch(EMPTY_SOURCE_FIELDS, input));
    const id = input.id ?? newId();
    const now = new Date();
    return new RecordWriter(manager).create(context, SourceRecord, id, input.reason ?? null, async (tx) => {
      await tx.insert(Source, { id, ...fields, createdAt: now, updatedAt: now });
      await tx.insert(SourceRevision, {
        id: newId(),
        sourceId: id,
        number: 1,
        text: input.text,
        sha256: sha256Hex(input.text),
        reason: input.reason ?? null,
        actor: context.actor,
        actorUserId: context.actorUserId,
        createdAt: now,
      });
    });
  }

  async update(context: WriteContext, input: UpdateSourceInput): Promise<Source> {
    const target = { id: requireId(input.id), expectedVersion: input.expectedVersion, reason: input.reason ?? null, operation: RevisionOperation.UPDATE };
    await new RecordWriter(this.dataSource).replace(context, SourceRecord, target, (before) => ({ ...before, ...checkFields(applyPatch<SourceFields>(before, input)) }));
    return this.lifecycle.current(target.id);
  }
}
