import type pg from 'pg';

import type { BulkColumnType } from '../../src/core/records/declaration.js';

/** PostgreSQL's COPY text format: a NUL-free value with its backslashes and line and field breaks escaped. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;

/** A declared kind's column types, or `json text`: a json or jsonb column given as JSON already written. */
export type ColumnType = BulkColumnType | 'json text';

const arrayLiteral = (items: string[]) => `{${items.map((item) => `"${item.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

const escape = (text: string) => (SPECIAL.test(text) ? text.replace(SPECIALS, (character) => ESCAPES[character]!) : text);

/** Ids, numbers and dates never hold a character COPY escapes; text and JSON may. */
function field(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '\\N';
  switch (type) {
    case 'text':
    case 'json text':
      return escape(value as string);
    case 'jsonb':
      return escape(JSON.stringify(value));
    case 'text[]':
      return escape(arrayLiteral(value as string[]));
    case 'timestamptz':
      return (value as Date).toISOString();
    default:
      return String(value);
  }
}

const CHUNK = 1 << 20;

/**
 * `COPY table (columns) FROM STDIN` over a pg client, as a query pg can queue like any other (its Submittable
 * protocol): the fastest way into PostgreSQL, every row through the table's constraints and triggers still.
 */
class CopyIn {
  readonly done: Promise<void>;
  private settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor(
    private readonly statement: string,
    private readonly data: string,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.statement);
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    const bytes = Buffer.from(this.data, 'utf8');
    for (let at = 0; at < bytes.length; at += CHUNK) connection.sendCopyFromChunk(bytes.subarray(at, at + CHUNK));
    connection.endCopyFrom();
  }

  handleCommandComplete(): void {}

  /** pg lets go of a query that failed before the server is ready again: its ready-for-query never reaches it. */
  handleError(error: Error): void {
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    this.settle.resolve();
  }
}

/** One COPY: its statement and its data, as sent. */
export interface CopyPayload {
  statement: string;
  data: string;
}

/** The COPY that writes rows, given as objects keyed by column, into a table; null for no rows. */
export function copyPayload(
  table: string,
  columns: ReadonlyArray<readonly [string, ColumnType]>,
  rows: Array<Record<string, unknown>>,
): CopyPayload | null {
  if (rows.length === 0) return null;
  let data = '';
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) data += (i === 0 ? '' : '\t') + field(row[columns[i]![0]], columns[i]![1]);
    data += '\n';
  }
  return { statement: `COPY "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) FROM STDIN`, data };
}

export async function copyIn(client: pg.ClientBase, payload: CopyPayload): Promise<void> {
  const copy = new CopyIn(payload.statement, payload.data);
  void client.query(copy as unknown as pg.QueryConfig);
  await copy.done;
}
