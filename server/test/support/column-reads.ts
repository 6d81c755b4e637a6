import type { DataSource } from 'typeorm';

/**
 * Notes each read of a column property that a record of these entities was made without: a record read in part
 * (`pick`) holds only its columns asked for and those its fields' resolvers declare (`Reads`), so such a read is a
 * resolver reading what it did not declare, and answering from `undefined`. Works by accessors on the entities'
 * prototypes, which a record's own properties hide: a column it was read with is set on it, one it lacks falls
 * through to the prototype. Reads are noted only inside `noting`; `restore` takes the accessors away.
 */
export function watchColumnReads(dataSource: DataSource, entities: ReadonlyArray<new () => object>) {
  let noted: Set<string> | null = null;
  const watched: Array<[object, string]> = [];
  for (const entity of entities) {
    const metadata = dataSource.getMetadata(entity);
    for (const { propertyName: property } of metadata.columns.filter((column) => column.isSelect)) {
      Object.defineProperty(entity.prototype, property, {
        configurable: true,
        get() {
          noted?.add(`${metadata.targetName}.${property}`);
          return undefined;
        },
        set(value: unknown) {
          Object.defineProperty(this, property, { value, writable: true, enumerable: true, configurable: true });
        },
      });
      watched.push([entity.prototype, property]);
    }
  }
  return {
    /** The column properties read of records that lack them while `run` ran. */
    async noting(run: () => Promise<unknown>): Promise<string[]> {
      noted = new Set();
      try {
        await run();
        return [...noted].sort();
      } finally {
        noted = null;
      }
    },
    restore() {
      for (const [prototype, property] of watched) delete (prototype as Record<string, unknown>)[property];
    },
  };
}
