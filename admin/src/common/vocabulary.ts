import { useTranslate } from 'react-admin';

import { label, valueKey } from './choices';

/** A vocabulary value (REPORTED_SPEECH) in the console's language; one the messages lack reads as its words. */
export function useVocabulary() {
  const translate = useTranslate();
  return (id: string | null | undefined) => (id ? translate(valueKey(id), { _: label(id) }) : '');
}
