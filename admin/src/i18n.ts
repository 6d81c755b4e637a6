import polyglotI18nProvider from 'ra-i18n-polyglot';

import { en } from './messages/en';
import { fr } from './messages/fr';

const MESSAGES: Record<string, typeof en | typeof fr> = { en, fr };

/** English, and French for the main screens; react-admin keeps the choice in the browser and offers it in the app bar. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => MESSAGES[locale] ?? en,
  'en',
  [
    { locale: 'en', name: 'English' },
    { locale: 'fr', name: 'Français' },
  ],
  { allowMissing: true },
);
