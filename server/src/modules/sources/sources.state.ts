import type { EntityManager } from 'typeorm';
import type { RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';

export interface SourceState extends Record<string, unknown> {
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  publishedPrecision: string | null;
  publishedBasis: string | null;
  publishedNote: string | null;
  language: string;
  kind: string;
  reliability: string | null;
  reliabilityNote: string | null;
  /** The current text snapshot; the text itself lives, immutable, in `source_revisions`. */
  textRevision: { id: string; number: number; sha256: string };
  deletedAt: string | null;
  deleteReason: string | null;
}

export const SourceRecord: RecordKind<SourceState> = {
  recordType: RecordType.SOURCE,
  table: 'sources',
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
      title: source.title,
      url: source.url,
      publisher: source.publisher,
      author: source.author,
      publishedAt: source.publishedAt,
      publishedPrecision: source.publishedPrecision,
      publishedBasis: source.publishedBasis,
      publishedNote: source.publishedNote,
      language: source.language,
      kind: source.kind,
      reliability: source.reliability,
      reliabilityNote: source.reliabilityNote,
      textRevision: { id: revision.id, number: revision.number, sha256: revision.sha256 },
      deletedAt: source.deletedAt?.toISOString() ?? null,
      deleteReason: source.deleteReason,
    };
  },
};
