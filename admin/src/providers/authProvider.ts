import type { AuthProvider } from 'react-admin';
import { mayAccess, type Me } from './access';
import { graphql } from './graphql';

const ME = `query Me { me { id name email roles } }`;

let current: Promise<Me | null> | null = null;

/** Who is signed in, asked once and remembered until the next sign-in, sign-out or auth error. */
export function whoAmI(): Promise<Me | null> {
  current ??= graphql<{ me: Me | null }>(ME)
    .then((data) => data.me)
    .catch((error) => {
      current = null;
      throw error;
    });
  return current;
}

const forget = () => {
  current = null;
};

/** Sessions are the API's HttpOnly cookie: the console never holds a token, it only asks `me`. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    forget();
    await graphql(`mutation Login($input: LoginInput!) { login(input: $input) { user { id } } }`, { input: { email: username, password } });
  },
  async logout() {
    const wasSignedIn = current !== null;
    forget();
    if (wasSignedIn) await graphql(`mutation Logout { logout }`).catch(() => undefined);
  },
  /** Asked on every page: a session that ended elsewhere (expired, signed out, account disabled) is noticed at once. */
  async checkAuth() {
    forget();
    const me = await whoAmI();
    if (!me) throw new Error('Please sign in.');
  },
  async checkError(error: { status?: number; body?: { code?: string } }) {
    if (error?.status === 401 || error?.body?.code === 'UNAUTHENTICATED') {
      forget();
      throw new Error('Your session has ended; please sign in again.');
    }
  },
  async getIdentity() {
    const me = await whoAmI();
    if (!me) throw new Error('Not signed in');
    return { id: me.id, fullName: me.name, email: me.email, roles: me.roles };
  },
  async getPermissions() {
    return (await whoAmI())?.roles ?? [];
  },
  async canAccess({ resource, action }) {
    const me = await whoAmI().catch(() => null);
    return me ? mayAccess(me.roles, resource, action) : false;
  },
};
