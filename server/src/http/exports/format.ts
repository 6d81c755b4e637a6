import type { DataSource } from 'typeorm';

import type { Viewer } from '../../core/access/viewer.js';
import { DatePrecision } from '../../core/dates/precision.js';
import type { ExportFilters } from './filters.js';
import type { Agents, Iris } from './iris.js';
import type { ExportOutput } from './stream.js';

/** One export request, authenticated and checked: everything a format needs to write its file. */
export interface ExportRequest {
  dataSource: DataSource;
  viewer: Viewer;
  /** Staff see unreviewed records, people's names and edit summaries; everyone else what the API shows them. */
  staff: boolean;
  filters: ExportFilters;
  iris: Iris;
  agents: Agents;
}

export interface ExportFormat {
  /** The file name offered for download, and the path under `/exports/`. */
  file: string;
  contentType: string;
  /** Writes the whole export in batches; returns early when the client leaves. */
  write(out: ExportOutput, request: ExportRequest): Promise<void>;
}

/** A date at its precision, as ISO 8601 writes a reduced one: 2022, 2022-09, 2022-09-14. */
export function isoAtPrecision(date: string | null, precision: DatePrecision | null): string | null {
  if (!date) return null;
  if (precision === DatePrecision.YEAR) return date.slice(0, 4);
  if (precision === DatePrecision.MONTH) return date.slice(0, 7);
  return date;
}
