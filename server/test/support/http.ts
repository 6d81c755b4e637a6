import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type Config, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/data-source.js';
import { createHttpApp } from '../../src/http/app.js';
import { TEST_CHECKPOINT_KEY } from './checkpoint-key.js';

export interface TestServer {
  url: string;
  config: Config;
  close(): Promise<void>;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
}

/** What `startTestServer` needs to run with the production configuration. */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'a-production-secret-of-at-least-32-characters',
  PUBLIC_URL: 'https://provenance.example.org',
};

/** The real HTTP app on a free port, over a test database. */
export async function startTestServer(
  database: Database,
  env: Record<string, string> = {},
  log: (message: string, error?: unknown) => void = () => undefined,
): Promise<TestServer> {
  const config = loadConfig({ NODE_ENV: 'test', CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY, ...env });
  const http = await createHttpApp(config, database, log);
  const server: Server = await new Promise((resolve) => {
    const listening = http.listen(0, '127.0.0.1').once('listening', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    config,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await http.stop();
    },
    async post(body, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: the raw text is the body
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}

/** Signs a user in over HTTP and returns the session cookie to send back, as a browser would. */
export async function signIn(server: TestServer, user: { email: string; password: string }): Promise<string> {
  const { body, headers } = await server.post({
    query: `mutation($input: LoginInput!) { login(input: $input) { expiresAt } }`,
    variables: { input: { email: user.email, password: user.password } },
  });
  const cookie = headers.getSetCookie()[0];
  if (!cookie) throw new Error(`Sign-in failed: ${JSON.stringify(body)}`);
  return cookie.split(';')[0]!;
}
