import type { DataSource, FindOptionsWhere, ObjectLiteral } from 'typeorm';

import { requireId } from '../validation.js';
import { type ChangeTarget, type DeletableState, type RecordKind, RecordWriter, type WriteContext } from './record-writer.js';

/** Soft delete and restore (invariant 5), the same for every kind of record, each returning the row as written. */
export class RecordLifecycle<S extends DeletableState, E extends ObjectLiteral> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kind: RecordKind<S, E>,
  ) {}

  async delete(context: WriteContext, target: ChangeTarget): Promise<E> {
    const id = requireId(target.id);
    await new RecordWriter(this.dataSource).softDelete(context, this.kind, { ...target, id });
    return this.current(id);
  }

  async restore(context: WriteContext, target: ChangeTarget): Promise<E> {
    const id = requireId(target.id);
    await new RecordWriter(this.dataSource).restore(context, this.kind, { ...target, id });
    return this.current(id);
  }

  /** The row as a write left it, for the mutation to return. */
  current(id: string): Promise<E> {
    return this.dataSource.manager.findOneByOrFail(this.kind.entity, { id } as unknown as FindOptionsWhere<E>);
  }
}
