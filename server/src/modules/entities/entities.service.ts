import type { DataSource, EntityManager } from 'typeorm';

import type { Viewer } from '../../core/access/viewer.js';
import { FilterBuilder } from '../../core/filters.js';
import { newId } from '../../core/ids.js';
import { type Connection, type ListArgs, paginate } from '../../core/paging/connection.js';
import { applyPatch } from '../../core/patch.js';
import { RecordLifecycle } from '../../core/revisions/lifecycle.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { findVisibleRecord } from '../../core/time-travel/time-travel.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { type LookupOptions, visibleOnly } from '../../core/visibility/visibility.js';
import { EntityKind } from './entities.enums.js';
import type { CreateEntityInput, EntityFilter, ExternalIdInput, UpdateEntityInput } from './entities.types.js';
import { type EntityInput, EntityKindRecord, EntityRecord, type EntityState } from './entity.entity.js';

const SCHEME = /^[a-z][a-z0-9_-]{0,39}$/;
const WIKIDATA_ID = /^Q[1-9][0-9]*$/;
const MAX_ALIASES = 100;

type EntityInputFields = Omit<EntityInput, 'externalIds'> & { externalIds: Record<string, string> | ExternalIdInput[] };

const toRecord = (ids: Record<string, string> | ExternalIdInput[]): Array<[string, string]> =>
  Array.isArray(ids) ? ids.map((id) => [id.scheme, id.value]) : Object.entries(ids);

function checkFields(fields: EntityInputFields): EntityInput {
  const check = new InputCheck();
  const name = check.text('name', fields.name, { max: 300 });
  const aliases = [...new Set(fields.aliases.map((alias, i) => check.text(`aliases[${i}]`, alias, { max: 300 })))].filter(
    (alias) => alias !== name,
  );
  if (aliases.length > MAX_ALIASES) check.fail('aliases', `must hold at most ${MAX_ALIASES} names`);
  const externalIds: Record<string, string> = {};
  for (const [scheme, value] of toRecord(fields.externalIds)) {
    if (!SCHEME.test(scheme)) check.fail(`externalIds.${scheme}`, 'the scheme must be lower-case letters, digits, _ or -');
    else if (scheme in externalIds) check.fail(`externalIds.${scheme}`, 'is given twice');
    else if (scheme === 'wikidata' && !WIKIDATA_ID.test(value))
      check.fail('externalIds.wikidata', 'must be a Wikidata item id such as Q7747');
    else externalIds[scheme] = check.text(`externalIds.${scheme}`, value, { max: 200 });
  }
  const normalised = {
    name,
    kind: check.oneOf('kind', fields.kind, EntityKind),
    aliases,
    description: check.optionalText('description', fields.description, { max: 5000 }),
    externalIds,
  };
  check.done();
  return normalised;
}

export class EntitiesService {
  /** Soft delete, restore, and the row as a write left it. */
  readonly lifecycle: RecordLifecycle<EntityState, EntityRecord>;

  constructor(private readonly dataSource: DataSource) {
    this.lifecycle = new RecordLifecycle(dataSource, EntityKindRecord);
  }

  /** The record now or, with `asOf`, as it stood then; null when the viewer may not see it. */
  get(viewer: Viewer, id: string, options: LookupOptions = {}): Promise<EntityRecord | null> {
    return findVisibleRecord(this.dataSource, viewer, EntityKindRecord, EntityRecord, id, options);
  }

  /** Merged entities stay out of lists: they are redirects to the entity they were merged into. */
  list(viewer: Viewer, args: ListArgs, filter: EntityFilter = {}): Promise<Connection<EntityRecord>> {
    const query = new FilterBuilder(
      this.dataSource.getRepository(EntityRecord).createQueryBuilder('entity').where('entity.mergedIntoId IS NULL'),
    )
      .oneOf('kind', filter.kind)
      .done();
    return paginate(visibleOnly(viewer, query, { reviewed: false, includeDeleted: args.includeDeleted }), args);
  }

  async create(
    context: WriteContext,
    input: Omit<CreateEntityInput, 'externalIds'> & { id?: string; externalIds?: Record<string, string> | ExternalIdInput[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Written<EntityState>> {
    const fields = checkFields({
      name: input.name,
      kind: input.kind,
      aliases: input.aliases ?? [],
      description: input.description ?? null,
      externalIds: input.externalIds ?? {},
    });
    const id = input.id ?? newId();
    const now = new Date();
    return new RecordWriter(manager).create(context, EntityKindRecord, id, input.reason ?? null, (tx) =>
      EntityKindRecord.insertState(tx, id, { ...fields, mergedIntoId: null, deletedAt: null, deleteReason: null }, now),
    );
  }

  async update(context: WriteContext, input: UpdateEntityInput): Promise<EntityRecord> {
    const target = {
      id: requireId(input.id),
      expectedVersion: input.expectedVersion,
      reason: input.reason ?? null,
      operation: RevisionOperation.UPDATE,
    };
    await new RecordWriter(this.dataSource).replace(context, EntityKindRecord, target, (before) => ({
      ...before,
      ...checkFields(applyPatch<EntityInputFields>(before, input)),
    }));
    return this.lifecycle.current(target.id);
  }
}
