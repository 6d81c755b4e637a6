import englishMessages from 'ra-language-english';

/**
 * The console's English: react-admin's own, then the console's words, by screen. A newsroom adds a language by
 * copying this file, translating its values and naming it in `i18n.ts`.
 */
export const en = {
  ...englishMessages,
  ra: { ...englishMessages.ra, auth: { ...englishMessages.ra.auth, username: 'Email' } },
  resources: {
    claims: {
      name: 'Claim |||| Claims',
      fields: {
        text: 'Text',
        claimantName: 'Claimant',
        claimantId: 'Claimant',
        sourceId: 'Source',
        attribution: 'Attribution',
        modality: 'Modality',
        rank: 'Rank',
        status: 'Status',
        createdAt: 'Recorded',
        includeDeleted: 'Include deleted',
      },
      notifications: { created: 'Claim created' },
    },
    events: { name: 'Event |||| Events', notifications: { created: 'Event created' } },
    entities: { name: 'Entity |||| Entities', notifications: { created: 'Entity created' } },
    sources: { name: 'Source |||| Sources', notifications: { created: 'Source created' } },
    users: { name: 'User |||| Users', notifications: { created: 'User created' } },
    apiKeys: { name: 'API key |||| API keys', notifications: { created: 'API key created' } },
    annotations: { name: 'Note |||| Notes' },
  },
  console: {
    menu: {
      dashboard: 'Dashboard',
      review: 'Review queue',
      waiting: 'Waiting for review',
      import: 'Import',
      proposals: 'Proposals',
      audit: 'Audit',
      account: 'My account',
    },
    // MERGE-MARK-MAIN: layout, dashboard, claims, events, review, reader, history, common

    // MERGE-MARK-OTHER: sources, entities, users, apiKeys, account, annotations, audit, ingest

    // MERGE-MARK-END
  },
};
