import type { AuthProvider } from 'react-admin';

import { graphql } from '../gql';
import { mayAccess, type Me } from './access';
import { request } from './graphql';

const ME = graphql(`
  query Me {
    me {
      id
      name
      email
      roles
    }
  }
`);
const LOGIN = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      user {
        id
      }
    }
  }
`);
const LOGOUT = graphql(`
  mutation Logout {
    logout
  }
`);

let current: Promise<Me | null> | null = null;
let askedAt = 0;
let askedOn = '';

/** Who is signed in, asked once and remembered until the next sign-in, sign-out or auth error. */
export function whoAmI(): Promise<Me | null> {
  if (!current) {
    askedAt = Date.now();
    askedOn = window.location.hash;
  }
  current ??= request(ME)
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

/**
 * How long an answer to `me` stands for the checks of the page it was asked on. Opening one page checks several
 * times over (the app, the layout, the view); asking each time put two more round trips before the first list
 * could load. Going to another page asks again.
 */
const CHECK_FRESH_MS = 3000;

/** Sessions are the API's HttpOnly cookie: the console never holds a token, it only asks `me`. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    forget();
    await request(LOGIN, { input: { email: username, password } });
  },
  async logout() {
    const wasSignedIn = current !== null;
    forget();
    if (wasSignedIn) await request(LOGOUT).catch(() => undefined);
  },
  /** Asked on every page: a session that ended elsewhere (expired, signed out, account disabled) is noticed at once. */
  async checkAuth() {
    if (askedOn !== window.location.hash || Date.now() - askedAt > CHECK_FRESH_MS) forget();
    const me = await whoAmI();
    if (!me) throw new Error('Please sign in.');
  },
  async checkError(error: { status?: number; body?: { code?: string } }) {
    if (error?.status === 401 || error?.body?.code === 'UNAUTHENTICATED') {
      forget();
      // A wrong current password, when changing it, is refused as UNAUTHENTICATED while the session lives on.
      if (await whoAmI().catch(() => null)) return;
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
