import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import type { TestProject } from 'vitest/node';

import { loadConfig } from '../src/config.js';
import { prepareAppLogin } from '../src/db/app-login.js';
import { EmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate } from '../src/db/open.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/** One PostgreSQL cluster for the run; each test file makes its own database in it, so files run in parallel. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provenance-test-'));
  const postgres = new EmbeddedPostgres({ dir });
  await postgres.start();
  // The server's login role is the cluster's: made a login with its password once here, before the files
  // migrate their databases side by side, so none of them has to alter it.
  const admin = new pg.Client({ connectionString: postgres.connectionUrl() });
  await admin.connect();
  await admin.query('CREATE DATABASE roles_setup');
  await admin.end();
  const config = loadConfig({ NODE_ENV: 'test' });
  await migrate(postgres.connectionUrl('roles_setup'), config);
  await prepareAppLogin(postgres.connectionUrl('roles_setup'), config);
  project.provide('postgresAdminUrl', postgres.connectionUrl());
  return async () => {
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
