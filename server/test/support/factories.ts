import { randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { Role } from '../../src/core/access/roles.js';
import type { Viewer } from '../../src/core/access/viewer.js';
import { UsersService } from '../../src/modules/users/users.service.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  viewer: Viewer;
}

/** A real account, so revisions name a real user; made through the same service as any account. */
export async function createUser(
  dataSource: DataSource,
  roles: Role[],
  name = roles.join('+').toLowerCase() || 'nobody',
): Promise<TestUser> {
  const email = `${name}-${randomBytes(4).toString('hex')}@example.org`;
  const password = `correct horse ${randomBytes(6).toString('hex')}`;
  const written = await new UsersService(dataSource).create(
    { actor: 'test:factory', actorUserId: null, requestId: null },
    { email, name, roles, password },
  );
  const id = written.revision.recordId;
  return { id, email, password, viewer: { userId: id, roles } };
}

export const createEditor = (dataSource: DataSource) => createUser(dataSource, [Role.EDITOR], 'editor');
export const createReviewer = (dataSource: DataSource) => createUser(dataSource, [Role.REVIEWER], 'reviewer');

/** `importSource`'s input for a plain-text news article dated to the day it was published, as most import tests send. */
export const newsArticleInput = (content: string, publishedAt: string) => ({
  format: 'TEXT',
  content,
  publishedAt,
  publishedPrecision: 'DAY',
  publishedBasis: 'STATED',
  language: 'en',
  kind: 'NEWS_ARTICLE',
});
