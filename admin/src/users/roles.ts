import type { TranslateFunction } from 'react-admin';

/** A person's roles by their names in the console's language, or that they have none. */
export const roleNames = (roles: string[], translate: TranslateFunction) =>
  roles.map((role) => translate(`console.users.roles.${role}`)).join(', ') || translate('console.users.noRole');
