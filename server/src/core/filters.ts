import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { requireId } from './validation.js';

/**
 * Adds one filter condition to a list query, with its own uniquely named parameter. Conditions are written in
 * SQL over the query's alias (`$.column`), so a filter reads like the WHERE clause it becomes.
 */
export class FilterBuilder<T extends ObjectLiteral> {
  private n = 0;

  constructor(private readonly query: SelectQueryBuilder<T>) {}

  private where(sql: string, value: unknown): this {
    const name = `filter${this.n++}`;
    this.query.andWhere(
      sql
        .replace(/\$\./g, `${this.query.alias}.`)
        .replace(/:value\b/g, `:${name}`)
        .replace(/:\.\.\.value\b/g, `:...${name}`),
      { [name]: value },
    );
    return this;
  }

  /** `column IN (...)` when the list is given and not empty. */
  oneOf(column: string, values: readonly string[] | null | undefined): this {
    return values?.length ? this.where(`$.${column} IN (:...value)`, values) : this;
  }

  /** A condition on an id argument, checked to be one first. */
  id(field: string, value: string | null | undefined, sql: string): this {
    return value ? this.where(sql, requireId(value, field)) : this;
  }

  /** A condition on any other value, when given. */
  when(value: unknown, sql: string): this {
    return value === null || value === undefined ? this : this.where(sql, value);
  }

  done(): SelectQueryBuilder<T> {
    return this.query;
  }
}
