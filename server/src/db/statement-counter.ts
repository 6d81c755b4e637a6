import type { Logger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, so tests and the benchmark can show how many a request costs.
 * Failed statements are counted too: they reached the database.
 */
export class StatementCounter implements Logger {
  count = 0;

  constructor(private readonly onSlowQuery?: (query: string, ms: number) => void) {}

  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.count += 1;
  }

  logQueryError(): void {}

  logQuerySlow(time: number, query: string): void {
    this.onSlowQuery?.(query, time);
  }

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
