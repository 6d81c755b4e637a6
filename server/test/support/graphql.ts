import { type DocumentNode, type ExecutionResult, parse } from 'graphql';
import type { DataSource } from 'typeorm';

import { loadConfig } from '../../src/config.js';
import { Role } from '../../src/core/access/roles.js';
import { ANONYMOUS, type Viewer } from '../../src/core/access/viewer.js';
import { loadSigningKey } from '../../src/core/checkpoints/signing-key.js';
import { createLoaders, createServices, type RequestContext } from '../../src/graphql/context.js';
import { formatError } from '../../src/graphql/errors.js';
import { operationRunner } from '../../src/graphql/executor.js';
import { RawAnswers } from '../../src/graphql/passthrough.js';
import { passthroughRoots } from '../../src/graphql/passthrough-roots.js';
import { getSchema } from '../../src/graphql/schema.js';
import { TEST_CHECKPOINT_KEY } from './checkpoint-key.js';

export const viewers = {
  anonymous: ANONYMOUS,
  client: { userId: null, roles: [Role.CLIENT] },
  editor: { userId: null, roles: [Role.EDITOR] },
  reviewer: { userId: null, roles: [Role.REVIEWER] },
  admin: { userId: null, roles: [Role.ADMIN] },
} satisfies Record<string, Viewer>;

/** Parsed once per text, as Apollo does, so the runner knows an operation it has compiled. */
const documents = new Map<string, DocumentNode>();

/**
 * Runs an operation through the built schema with a context made as the HTTP layer makes it, for a viewer
 * given directly: how a request becomes a viewer is the auth layer's business, tested over HTTP.
 * Every operation runs compiled, as the server runs those it has seen before; the first run of each over HTTP,
 * and test/compiled-execution.test.ts, keep graphql-js's own execution covered.
 */
export function graphqlClient(dataSource: DataSource, { passthrough = false } = {}) {
  const config = loadConfig({ NODE_ENV: 'test', CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY });
  const services = createServices(dataSource, config.auth, loadSigningKey(config), config.jobs);
  const sessionCookie = { set: () => undefined, clear: () => undefined };
  const run = getSchema().then((schema) =>
    operationRunner(schema, { compileOnRun: 1, passthrough: passthrough ? passthroughRoots(schema, dataSource.manager) : [] }),
  );
  return async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    viewer: Viewer = viewers.editor,
  ): Promise<ExecutionResult<T>> => {
    const context: RequestContext = {
      viewer,
      requestId: 'test',
      services,
      loaders: createLoaders(dataSource.manager),
      sessionCookie,
      clientAddress: '127.0.0.1',
      // With passthrough, a root PostgreSQL wrote answers as a marker, its JSON held here: statements are what is asked of this client.
      rawAnswers: passthrough ? new RawAnswers() : undefined,
    };
    let document = documents.get(query);
    if (!document) documents.set(query, (document = parse(query)));
    return (await (await run).run({ document, operationName: null, variables, context })) as ExecutionResult<T>;
  };
}

/** The data of a result that must have no errors. */
export function dataOf<T>(result: ExecutionResult<T>): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.data as T;
}

const format = formatError(false, () => undefined);

/** The `extensions.code` of each error, as a client receives it. */
export function errorCodes(result: ExecutionResult<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => format(error.toJSON(), error).extensions?.code);
}
