import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../core/ids.js';
import { paginate, type Connection, type PageRequest } from '../../core/paging/connection.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { seesUnreviewed, type Viewer } from '../users/viewer.js';
import { EntityKind } from './entities.enums.js';
import { EntityKindRecord, type EntityState } from './entities.state.js';
import { EntityRecord } from './entity.entity.js';

export interface CreateEntityInput {
  id?: string;
  name: string;
  kind: EntityKind;
  aliases?: string[];
  description?: string | null;
  externalIds?: Record<string, string>;
  reason?: string | null;
}

const SCHEME = /^[a-z][a-z0-9_-]{0,39}$/;
const WIKIDATA_ID = /^Q[1-9][0-9]*$/;

export class EntitiesService {
  constructor(private readonly dataSource: DataSource) {}

  async get(viewer: Viewer, id: string): Promise<EntityRecord | null> {
    const entity = await this.dataSource.manager.findOneBy(EntityRecord, { id: requireId(id) });
    return entity && (entity.deletedAt === null || seesUnreviewed(viewer)) ? entity : null;
  }

  list(_viewer: Viewer, page: PageRequest): Promise<Connection<EntityRecord>> {
    const query = this.dataSource
      .getRepository(EntityRecord)
      .createQueryBuilder('entity')
      .where('entity.deletedAt IS NULL')
      .andWhere('entity.mergedIntoId IS NULL');
    return paginate(query, page);
  }

  async create(context: WriteContext, input: CreateEntityInput, manager: EntityManager = this.dataSource.manager): Promise<Written<EntityState>> {
    const check = new InputCheck();
    const name = check.text('name', input.name, { max: 300 });
    const aliases = [...new Set((input.aliases ?? []).map((alias, i) => check.text(`aliases[${i}]`, alias, { max: 300 })))];
    if (aliases.length > 100) check.fail('aliases', 'must hold at most 100 names');
    const externalIds: Record<string, string> = {};
    for (const [scheme, value] of Object.entries(input.externalIds ?? {})) {
      if (!SCHEME.test(scheme)) check.fail(`externalIds.${scheme}`, 'the scheme must be lower-case letters, digits, _ or -');
      else if (scheme === 'wikidata' && !WIKIDATA_ID.test(value)) check.fail('externalIds.wikidata', 'must be a Wikidata item id such as Q7747');
      else externalIds[scheme] = check.text(`externalIds.${scheme}`, value, { max: 200 });
    }
    const row = {
      id: input.id ?? newId(),
      name,
      kind: check.oneOf('kind', input.kind, EntityKind),
      aliases: aliases.filter((alias) => alias !== name),
      description: check.optionalText('description', input.description, { max: 5000 }),
      externalIds,
    };
    check.done();

    const now = new Date();
    return new RecordWriter(manager).create(context, EntityKindRecord, row.id, input.reason ?? null, async (tx) => {
      await tx.insert(EntityRecord, { ...row, createdAt: now, updatedAt: now });
    });
  }
}
