import { MOTIVATIONS } from '../common/choices';

/** Why a note was written, as choices named by message keys, which react-admin's inputs translate. */
export const MOTIVATION_CHOICES = MOTIVATIONS.map(({ id }) => ({ id, name: `console.annotations.motivations.${id}` }));

/** What a note can be on. */
export const TARGET_TYPE_CHOICES = ['CLAIM', 'EVENT', 'ENTITY', 'SOURCE', 'EVIDENCE'].map((id) => ({
  id,
  name: `console.annotations.targets.${id}`,
}));
