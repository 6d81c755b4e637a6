import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';

import { en } from './messages/en';
import { fr } from './messages/fr';

const MESSAGES: Record<string, typeof en | typeof fr> = { en, fr };

/** English, and French for the main screens; react-admin keeps the choice in the browser and offers it in the app bar. */
const polyglot = polyglotI18nProvider(
  (locale) => MESSAGES[locale] ?? en,
  'en',
  [
    { locale: 'en', name: 'English' },
    { locale: 'fr', name: 'Français' },
  ],
  { allowMissing: true },
);

/**
 * The page says which language it is in, the sign-in screen included: screen readers pick their voice by it, and
 * browsers their hyphenation and spelling; the browser's tab and history name it in that language too. react-admin
 * changes the locale here both when one is chosen and when a kept choice is restored at load.
 */
export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    await polyglot.changeLocale(locale, options);
    document.documentElement.lang = locale;
    document.title = polyglot.translate('console.layout.documentTitle');
  },
};
