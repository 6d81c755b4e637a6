import { useGetMany, useTranslate } from 'react-admin';

import { useVocabulary } from './vocabulary';

/** Names for the records a value points at, by id: "Vladimir Putin" rather than 483f0679-…. */
export type Labels = ReadonlyMap<string, string>;

const NO_LABELS: Labels = new Map();
/** Fields whose values come from a vocabulary (REPORTED_SPEECH), shown as words; other text is shown as typed. */
const VOCABULARY = new Set([
  'attribution',
  'modality',
  'rank',
  'status',
  'anchorStatus',
  'kind',
  'typeCode',
  'startPrecision',
  'endPrecision',
  'publishedPrecision',
  'publishedBasis',
  'proposal',
]);

/** The fields of a claim's or an event's state that hold ids of other records, and which records. */
const REFERENCES: Record<string, 'entities' | 'events' | 'claims'> = {
  claimantId: 'entities',
  entityIds: 'entities',
  placeId: 'entities',
  participants: 'entities',
  eventIds: 'events',
  parentId: 'events',
  links: 'claims',
};

/** The ids a field's values point at, among the values given (before, after, mine, theirs). */
function referencedIds(field: string, values: unknown[]): string[] {
  const ids: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string') ids.push(value);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      add(object.entityId);
      add(object.toClaimId);
    }
  };
  if (REFERENCES[field]) values.forEach(add);
  return ids;
}

/** Reads the names of every record the given field values point at, through the dataProvider, in three requests at most. */
export function useValueLabels(fields: Array<{ field: string; values: unknown[] }>): Labels {
  const wanted = { entities: new Set<string>(), events: new Set<string>(), claims: new Set<string>() };
  for (const { field, values } of fields) for (const id of referencedIds(field, values)) wanted[REFERENCES[field]!].add(id);
  const entities = useGetMany('entities', { ids: [...wanted.entities] }, { enabled: wanted.entities.size > 0 });
  const events = useGetMany('events', { ids: [...wanted.events] }, { enabled: wanted.events.size > 0 });
  const claims = useGetMany('claims', { ids: [...wanted.claims] }, { enabled: wanted.claims.size > 0 });
  const labels = new Map<string, string>();
  for (const record of entities.data ?? []) labels.set(String(record.id), record.name);
  for (const record of events.data ?? []) labels.set(String(record.id), record.title);
  for (const record of claims.data ?? []) labels.set(String(record.id), `“${String(record.text).slice(0, 60)}”`);
  return labels.size > 0 ? labels : NO_LABELS;
}

/**
 * A field's value as a line of text, for diffs and conflicts: records by their names, vocabulary by its words
 * ("Reported speech", not REPORTED_SPEECH), lists joined, dates at their precision; in the console's language.
 */
export function useFormatValue() {
  const vocabulary = useVocabulary();
  const translate = useTranslate();
  const none = translate('console.common.none');
  const format = (value: unknown, labels: Labels = NO_LABELS, field = ''): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.length === 0 ? none : value.map((item) => format(item, labels, field)).join(', ');
    if (typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (typeof object.date === 'string' && typeof object.precision === 'string')
        return `${object.date} (${vocabulary(object.precision).toLowerCase()})`;
      if (typeof object.entityId === 'string' && typeof object.role === 'string')
        return `${vocabulary(object.role)}: ${labels.get(object.entityId) ?? object.entityId}`;
      if (typeof object.toClaimId === 'string' && typeof object.type === 'string')
        return `${vocabulary(object.type)} ${labels.get(object.toClaimId) ?? object.toClaimId}`;
      return JSON.stringify(value);
    }
    if (typeof value === 'string') return labels.get(value) ?? (VOCABULARY.has(field) ? vocabulary(value) : value);
    return String(value);
  };
  return format;
}
