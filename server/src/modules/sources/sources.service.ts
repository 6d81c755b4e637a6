import type { DataSource, EntityManager } from 'typeorm';
import { DatePrecision } from '../../core/dates/precision.js';
import { newId } from '../../core/ids.js';
import { paginate, type Connection, type PageRequest } from '../../core/paging/connection.js';
import { sha256Hex } from '../../core/revisions/canonical-json.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { seesUnreviewed, type Viewer } from '../users/viewer.js';
import { PublicationDateBasis, Reliability, SourceKind } from './sources.enums.js';
import { SourceRecord, type SourceState } from './sources.state.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';

export interface CreateSourceInput {
  id?: string;
  title: string;
  text: string;
  url?: string | null;
  publisher?: string | null;
  author?: string | null;
  publishedAt?: string | null;
  publishedPrecision?: DatePrecision | null;
  publishedBasis?: PublicationDateBasis | null;
  publishedNote?: string | null;
  language: string;
  kind: SourceKind;
  reliability?: Reliability | null;
  reliabilityNote?: string | null;
  reason?: string | null;
}

/** A BCP 47 tag, loosely: a primary language and optional subtags. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
export const MAX_SOURCE_TEXT = 2_000_000;

export class SourcesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Staff may open a deleted source by id, to restore it; nobody else sees it. */
  async get(viewer: Viewer, id: string): Promise<Source | null> {
    const source = await this.dataSource.manager.findOneBy(Source, { id: requireId(id) });
    return source && (source.deletedAt === null || seesUnreviewed(viewer)) ? source : null;
  }

  list(_viewer: Viewer, page: PageRequest): Promise<Connection<Source>> {
    const query = this.dataSource.getRepository(Source).createQueryBuilder('source').where('source.deletedAt IS NULL');
    return paginate(query, page);
  }

  /** Creates a source with its first text snapshot: one record, one revision. */
  async create(context: WriteContext, input: CreateSourceInput, manager: EntityManager = this.dataSource.manager): Promise<Written<SourceState>> {
    const check = new InputCheck();
    const title = check.text('title', input.title, { max: 500 });
    if (input.text.length === 0) check.fail('text', 'must not be empty');
    if (input.text.length > MAX_SOURCE_TEXT) check.fail('text', `must be at most ${MAX_SOURCE_TEXT} characters`);
    if (input.text.includes('\u0000')) check.fail('text', 'must not contain NUL characters');
    const published = check.datedAt('publishedAt', input.publishedAt, input.publishedPrecision, [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]);
    const basis = input.publishedBasis ? check.oneOf('publishedBasis', input.publishedBasis, PublicationDateBasis) : null;
    if (published.date && !basis) check.fail('publishedBasis', 'say how the publication date is known');
    if (!published.date && basis) check.fail('publishedBasis', 'only goes with a publication date');
    const language = check.text('language', input.language, { max: 35 });
    if (!LANGUAGE_TAG.test(language)) check.fail('language', 'must be a BCP 47 language tag such as "en" or "pt-BR"');
    const row = {
      id: input.id ?? newId(),
      title,
      url: check.url('url', input.url),
      publisher: check.optionalText('publisher', input.publisher, { max: 300 }),
      author: check.optionalText('author', input.author, { max: 300 }),
      publishedAt: published.date,
      publishedPrecision: published.precision,
      publishedBasis: basis,
      publishedNote: check.optionalText('publishedNote', input.publishedNote, { max: 5000 }),
      language,
      kind: check.oneOf('kind', input.kind, SourceKind),
      reliability: input.reliability ? check.oneOf('reliability', input.reliability, Reliability) : null,
      reliabilityNote: check.optionalText('reliabilityNote', input.reliabilityNote, { max: 5000 }),
    };
    check.done();

    const now = new Date();
    return new RecordWriter(manager).create(context, SourceRecord, row.id, input.reason ?? null, async (tx) => {
      await tx.insert(Source, { ...row, createdAt: now, updatedAt: now });
      await tx.insert(SourceRevision, {
        id: newId(),
        sourceId: row.id,
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
}
