import type { DataSource } from 'typeorm';
import { requireId } from '../validation.js';
import { Revision } from './revision.entity.js';
import type { RecordType } from './revisions.enums.js';

export class RevisionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A record's history, oldest first. */
  forRecord(recordType: RecordType, recordId: string): Promise<Revision[]> {
    return this.dataSource.manager.find(Revision, {
      where: { recordType, recordId: requireId(recordId, 'recordId') },
      order: { version: 'ASC' },
    });
  }
}
