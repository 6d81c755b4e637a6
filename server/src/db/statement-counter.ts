import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, so tests and the benchmark can show how many a request costs.
 * Failed statements are counted too: they reached the database.
 */
export class StatementCounter implements Logger {
  count = 0;

  /** Where the texts of the statements sent go while kept (`keepTexts`); off otherwise, as a server runs. */
  private texts: string[] | null = null;

  constructor(private readonly onSlowQuery?: (query: string, ms: number) => void) {}

  /** Keeps the text of each statement sent from now on, for a test that shows what SQL a request sends. */
  keepTexts(): string[] {
    return (this.texts = []);
  }

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.count += 1;
    this.texts?.push(query);
  }

  logQueryError(): void {}

  logQuerySlow(time: number, query: string): void {
    this.onSlowQuery?.(query, time);
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
