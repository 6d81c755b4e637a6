/** Who may do what in the console; the API checks the same again, so this only decides what to show. */
export type Role = 'ADMIN' | 'EDITOR' | 'REVIEWER' | 'CLIENT';

export interface Me {
  id: string;
  name: string;
  email: string | null;
  roles: Role[];
}

const RECORD_RESOURCES = ['claims', 'events', 'entities', 'sources'];
const WRITE_ACTIONS = new Set(['create', 'edit', 'delete']);

export const isStaff = (roles: Role[]) => roles.some((role) => role === 'ADMIN' || role === 'EDITOR' || role === 'REVIEWER');
export const canEdit = (roles: Role[]) => roles.includes('ADMIN') || roles.includes('EDITOR');
export const canReview = (roles: Role[]) => roles.includes('ADMIN') || roles.includes('REVIEWER');
export const isAdmin = (roles: Role[]) => roles.includes('ADMIN');

export function mayAccess(roles: Role[], resource: string, action: string): boolean {
  if (resource === 'users' || resource === 'apiKeys') return isAdmin(roles);
  if (resource === 'review') return isStaff(roles);
  if (resource === 'annotations') return isStaff(roles);
  if (RECORD_RESOURCES.includes(resource)) return WRITE_ACTIONS.has(action) ? canEdit(roles) : true;
  return isStaff(roles);
}
