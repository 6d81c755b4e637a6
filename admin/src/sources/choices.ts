import { DATE_BASES, RELIABILITIES, SOURCE_DATE_PRECISIONS, SOURCE_KINDS } from '../common/choices';

/** The API's source vocabularies as choices named by message keys, which react-admin's inputs translate. */
const keyed = (choices: Array<{ id: string }>, group: string) => choices.map(({ id }) => ({ id, name: `console.sources.${group}.${id}` }));

export const SOURCE_KIND_CHOICES = keyed(SOURCE_KINDS, 'kinds');
export const PRECISION_CHOICES = keyed(SOURCE_DATE_PRECISIONS, 'precisions');
export const BASIS_CHOICES = keyed(DATE_BASES, 'bases');
export const RELIABILITY_CHOICES = keyed(RELIABILITIES, 'reliabilities');
