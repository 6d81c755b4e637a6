import type { DataSource } from 'typeorm';

import type { WriteContext } from '../../core/revisions/record-writer.js';
import { mergeEntities } from './merge.js';
import type { MergeEntitiesInput, RecordNewNameInput } from './merging.types.js';
import { recordNewName } from './new-name.js';

export class MergingService {
  constructor(private readonly dataSource: DataSource) {}

  mergeEntities(context: WriteContext, input: MergeEntitiesInput): Promise<{ movedClaims: number; movedEvents: number }> {
    return mergeEntities(this.dataSource.manager, context, input);
  }

  recordNewName(context: WriteContext, input: RecordNewNameInput): Promise<{ movedClaims: number; movedEvents: number }> {
    return recordNewName(this.dataSource.manager, context, input);
  }
}
