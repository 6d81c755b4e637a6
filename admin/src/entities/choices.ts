import { ENTITY_KINDS } from '../common/choices';

/** Entity kinds as choices named by message keys, which react-admin's inputs translate. */
export const ENTITY_KIND_CHOICES = ENTITY_KINDS.map(({ id }) => ({ id, name: `console.entities.kinds.${id}` }));
