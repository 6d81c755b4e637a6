import { getMetadataStorage } from 'type-graphql';

import type { Selection } from './selection.js';

/** The properties a field reads: named, or, for a field that returns an object made from several columns, a function of its own selection. */
export type Need = readonly string[] | ((selection: Selection) => readonly string[]);

/** For each field of a type that is not a column of its own name, what it reads (`Reads`). */
export type Needs = ReadonlyMap<string, Need>;

/** What each field resolver method reads, by its resolver class. */
const declared = new Map<Function, Map<string, Need>>();

/**
 * Declares, on a field resolver, the properties of its parent record it reads: a record read in part (`pick`)
 * holds them, and only them besides the columns asked for. The names are checked against the type of the
 * resolver's first parameter, its `@Root()`. A function of the field's selection serves a field whose answer is an
 * object made from several columns, each of its fields from some of them.
 */
export function Reads<P extends string = never>(...properties: P[]): ReadsDecorator<P>;
export function Reads(of: (selection: Selection) => readonly string[]): ReadsDecorator<never>;
export function Reads(...need: string[] | [(selection: Selection) => readonly string[]]): ReadsDecorator<string> {
  return (resolver, method) => {
    const byMethod = declared.get(resolver.constructor) ?? new Map<string, Need>();
    declared.set(resolver.constructor, byMethod);
    byMethod.set(method, typeof need[0] === 'function' ? need[0] : (need as string[]));
  };
}

type ReadsDecorator<P extends string> = <R extends Record<P, unknown>>(
  resolver: object,
  method: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any resolver's other parameters and result: only the root is checked
  descriptor: TypedPropertyDescriptor<(root: R, ...rest: any[]) => any>,
) => void;

const needsByType = new Map<Function, Needs>();

/**
 * The needs declared on the field resolvers of a GraphQL object type's resolver classes, by field name. Read once
 * the schema's classes are all declared, on the type's first `pick`.
 */
export function needsOf(type: Function): Needs {
  const known = needsByType.get(type);
  if (known) return known;
  const storage = getMetadataStorage();
  const resolvers = new Set(
    storage.resolverClasses
      .filter((resolver) => declared.has(resolver.target) && resolver.getObjectType() === type)
      .map((resolver) => resolver.target),
  );
  const needs = new Map<string, Need>();
  for (const field of storage.fieldResolvers) {
    const need = resolvers.has(field.target) ? declared.get(field.target)?.get(field.methodName) : undefined;
    if (need) needs.set(field.schemaName, need);
  }
  needsByType.set(type, needs);
  return needs;
}
