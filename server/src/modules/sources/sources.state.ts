import type { EntityManager } from 'typeorm';
import type { DatePrecision } from '../../core/dates/precision.js';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import type { DeletableState, RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { TOMBSTONE_NAME, tombstoneOf } from '../../core/record.js';
import { SourceKind, type PublicationDateBasis, type Reliability } from './sources.enums.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';

export interface SourceFields {
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  publishedPrecision: DatePrecision | null;
  publishedBasis: PublicationDateBasis | null;
  publishedNote: string | null;
  language: string;
  kind: SourceKind;
  reliability: Reliability | null;
  reliabilityNote: string | null;
}

/** A source's fields before any is given. */
export const EMPTY_SOURCE_FIELDS: SourceFields = {
  title: '',
  url: null,
  publisher: null,
  author: null,
  publishedAt: null,
  publishedPrecision: null,
  publishedBasis: null,
  publishedNote: null,
  language: '',
  kind: SourceKind.OTHER,
  reliability: null,
  reliabilityNote: null,
};

/** A deleted source as a record someone may see leads to it (see `seenThrough`): its id, "deleted", no content. */
export function sourceTombstone(source: Source): Source {
  return tombstoneOf(source, Object.assign(new Source(), EMPTY_SOURCE_FIELDS, { title: TOMBSTONE_NAME, language: 'und' }));
}

export interface SourceState extends SourceFields, DeletableState {
  /** The current text snapshot; the text itself lives, immutable, in `source_revisions`. */
  textRevision: { id: string; number: number; sha256: string };
}

const fieldsOf = (row: SourceFields): SourceFields => ({
  title: row.title,
  url: row.url,
  publisher: row.publisher,
  author: row.author,
  publishedAt: row.publishedAt,
  publishedPrecision: row.publishedPrecision,
  publishedBasis: row.publishedBasis,
  publishedNote: row.publishedNote,
  language: row.language,
  kind: row.kind,
  reliability: row.reliability,
  reliabilityNote: row.reliabilityNote,
});

/**
 * The text is not restored from a state: snapshots are immutable, and a change of text goes through
 * correctSourceText, which re-anchors the evidence. saveState writes the metadata.
 */
export const SourceRecord: RecordKind<SourceState, Source> = {
  recordType: RecordType.SOURCE,
  table: 'sources',
  entity: Source,
  revertable: ['title', 'url', 'publisher', 'author', 'publishedAt', 'publishedPrecision', 'publishedBasis', 'publishedNote', 'language', 'kind', 'reliability', 'reliabilityNote'],
  async loadState(manager: EntityManager, id: string) {
    const source = await manager.findOneBy(Source, { id });
    if (!source) return null;
    const revision = await manager.findOne(SourceRevision, {
      select: { id: true, number: true, sha256: true },
      where: { sourceId: id },
      order: { number: 'DESC' },
    });
    if (!revision) return null;
    return {
      ...fieldsOf(source),
      textRevision: { id: revision.id, number: revision.number, sha256: revision.sha256 },
      ...deletionState(source),
    };
  },
  async saveState(manager, id, state) {
    await manager.update(Source, { id }, { ...fieldsOf(state), ...deletionColumns(state) });
  },
  hydrate(meta, state) {
    return Object.assign(new Source(), fieldsOf(state), recordColumns(meta, state));
  },
};
