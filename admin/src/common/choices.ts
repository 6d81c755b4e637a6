/** The API's vocabularies, as choices for inputs and filters. */
const choices = (...ids: string[]) => ids.map((id) => ({ id, name: id.charAt(0) + id.slice(1).toLowerCase().replaceAll('_', ' ') }));

export const REVIEW_STATUSES = choices('DRAFT', 'IN_REVIEW', 'VERIFIED', 'DISPUTED', 'REJECTED', 'RETRACTED');
export const ATTRIBUTIONS = choices('DIRECT_QUOTE', 'REPORTED_SPEECH', 'AUTHOR_ASSERTION');
export const CLAIM_MODALITIES = choices('ASSERTED', 'HEDGED', 'SPECULATIVE', 'EXPECTED', 'DENIED');
export const CLAIM_RANKS = choices('PREFERRED', 'NORMAL', 'DEPRECATED');
export const EVENT_MODALITIES = choices('OCCURRED', 'EXPECTED', 'PLANNED', 'ALLEGED');
export const ENTITY_KINDS = choices('PERSON', 'ORGANIZATION', 'STATE', 'PLACE', 'OTHER');
export const SOURCE_KINDS = choices('NEWS_ARTICLE', 'OFFICIAL_STATEMENT', 'TRANSCRIPT', 'REPORT', 'OTHER');
export const DATE_PRECISIONS = choices('DAY', 'WEEK', 'MONTH', 'YEAR');
export const SOURCE_DATE_PRECISIONS = choices('DAY', 'MONTH', 'YEAR');
export const DATE_BASES = [
  { id: 'STATED', name: 'Stated in the source' },
  { id: 'INFERRED_FROM_CONTENT', name: 'Inferred from its content' },
];
export const RELIABILITIES = [
  { id: 'A', name: 'A: completely reliable' },
  { id: 'B', name: 'B: usually reliable' },
  { id: 'C', name: 'C: fairly reliable' },
  { id: 'D', name: 'D: not usually reliable' },
  { id: 'E', name: 'E: unreliable' },
  { id: 'F', name: 'F: cannot be judged' },
];
/** Named by messages keys, which react-admin's inputs translate. */
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6].map((id) => ({ id, name: `console.common.credibility.${id}` }));
export const PARTICIPANT_ROLES = choices('AGENT', 'TARGET', 'HOST', 'PARTICIPANT');
export const MOTIVATIONS = choices('COMMENTING', 'QUESTIONING', 'CORRECTING', 'TAGGING', 'ASSESSING', 'LINKING');
export const ROLES = choices('ADMIN', 'EDITOR', 'REVIEWER', 'CLIENT');
export const CLAIM_LINK_TYPES = choices('SUPPORTS', 'CONTRADICTS', 'DUPLICATES', 'REFINES');

/** The messages key naming a vocabulary value: `console.common.values.REPORTED_SPEECH`. */
export const valueKey = (id: string) => `console.common.values.${id}`;
/** For an input's `optionText`: the choice's messages key, which react-admin translates. */
export const vocabularyOption = (choice: { id: string }) => valueKey(choice.id);

export const label = (id: string | null | undefined) => (id ? id.charAt(0) + id.slice(1).toLowerCase().replaceAll('_', ' ') : '');
