import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/** What a toast says once a record is made: what was made, not react-admin's "Element created". */
const created = (kind: string) => ({ notifications: { created: `${kind} created` } });

/** react-admin's English, where people sign in with their email address and toasts name what they are about. */
const messages = {
  ...englishMessages,
  ra: { ...englishMessages.ra, auth: { ...englishMessages.ra.auth, username: 'Email' } },
  resources: {
    claims: created('Claim'),
    events: created('Event'),
    entities: created('Entity'),
    sources: created('Source'),
    users: created('User'),
    apiKeys: created('API key'),
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], { allowMissing: true });
