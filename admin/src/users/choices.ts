import { ROLES } from '../common/choices';

/** Roles as choices named by message keys, which react-admin's inputs translate. */
export const ROLE_CHOICES = ROLES.map(({ id }) => ({ id, name: `console.users.roles.${id}` }));
