import frenchMessages from 'ra-language-french';

import type { en } from './en';

/** The console's French, for the main screens; what is not here yet is shown in English. */
export const fr = {
  ...frenchMessages,
  ra: { ...frenchMessages.ra, auth: { ...frenchMessages.ra.auth, username: 'Adresse e-mail' } },
  resources: {
    claims: {
      name: 'Affirmation |||| Affirmations',
      fields: {
        text: 'Texte',
        claimantName: 'Déclarant',
        claimantId: 'Déclarant',
        sourceId: 'Source',
        attribution: 'Attribution',
        modality: 'Modalité',
        rank: 'Rang',
        status: 'Statut',
        createdAt: 'Enregistrée le',
        includeDeleted: 'Inclure les supprimées',
      },
      notifications: { created: 'Affirmation créée' },
    },
    events: { name: 'Événement |||| Événements', notifications: { created: 'Événement créé' } },
    entities: { name: 'Entité |||| Entités', notifications: { created: 'Entité créée' } },
    sources: { name: 'Source |||| Sources', notifications: { created: 'Source créée' } },
    users: { name: 'Utilisateur |||| Utilisateurs', notifications: { created: 'Utilisateur créé' } },
    apiKeys: { name: 'Clé d’API |||| Clés d’API', notifications: { created: 'Clé d’API créée' } },
    annotations: { name: 'Note |||| Notes' },
  },
  console: {
    menu: {
      dashboard: 'Tableau de bord',
      review: 'File de relecture',
      waiting: 'En attente de relecture',
      import: 'Importer',
      proposals: 'Propositions',
      audit: 'Audit',
      account: 'Mon compte',
    },
    // MERGE-MARK-MAIN: layout, dashboard, claims, events, review, reader, history, common

    // MERGE-MARK-OTHER: sources, entities, users, apiKeys, account, annotations, audit, ingest

    // MERGE-MARK-END
  },
} satisfies Pick<typeof en, 'resources' | 'console'> & Record<string, unknown>;
