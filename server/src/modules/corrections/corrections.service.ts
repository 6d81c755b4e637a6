import type { DataSource } from 'typeorm';

import type { WriteContext } from '../../core/revisions/record-writer.js';
import { correctSourceText } from './correction.js';
import type { CorrectSourceTextInput, ReanchorReport } from './corrections.types.js';

export class CorrectionsService {
  constructor(private readonly dataSource: DataSource) {}

  correctText(context: WriteContext, input: CorrectSourceTextInput): Promise<ReanchorReport> {
    return correctSourceText(this.dataSource.manager, context, input);
  }
}
