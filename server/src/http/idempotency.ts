import { createHmac } from 'node:crypto';

import { type ApolloServerPlugin, type GraphQLRequestListener, HeaderMap } from '@apollo/server';
import { type GraphQLSchema, Kind, type OperationDefinitionNode, print } from 'graphql';
import type { DataSource } from 'typeorm';

import { writeContextOf } from '../core/access/viewer.js';
import { ErrorCode } from '../core/errors.js';
import { canonicalJson } from '../core/revisions/canonical-json.js';
import { keyReused, SHOWN_ONCE } from '../core/revisions/idempotency.js';
import type { RequestContext } from '../graphql/context.js';

const KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

const answer = (singleResult: Record<string, unknown>, headers: Array<[string, string]> = []) => ({
  http: { status: 200, headers: new HeaderMap(headers) },
  body: { kind: 'single' as const, singleResult },
});
const refusal = (message: string, code: ErrorCode) => answer({ errors: [{ message, extensions: { code } }] });

/** Whether the operation's answer holds a secret shown once, so that no copy of it may be kept. */
function answersSecret(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const fields = schema.getMutationType()?.getFields() ?? {};
  return operation.selectionSet.selections.some(
    (selection) => selection.kind === Kind.FIELD && fields[selection.name.value]?.extensions[SHOWN_ONCE] === true,
  );
}

/** What the first answer to a key becomes when it held a secret: the retry is told, and gets no copy. */
const WITHHELD = { withheld: SHOWN_ONCE };

/**
 * `Idempotency-Key` for mutations (the IETF httpapi draft's header). The first request with a key runs, and its
 * writes claim the key in their own transaction; its answer is stored. The same key and request again gets that
 * answer back and runs nothing; the same key with another request is refused.
 *
 * A request's fingerprint is keyed with the server's secret: requests carry passwords (createUser,
 * changePassword), and a plain hash of one could be tested against guesses by anyone who reads the table.
 */
export function idempotencyPlugin(dataSource: DataSource, secret: string): ApolloServerPlugin<RequestContext> {
  const fingerprintOf = (request: unknown) => createHmac('sha256', secret).update(canonicalJson(request)).digest('hex');
  return {
    async requestDidStart({ request, schema }): Promise<GraphQLRequestListener<RequestContext> | void> {
      const key = request.http?.headers.get('idempotency-key');
      if (!key) return;
      let replayed = false;
      let secretAnswer = false;
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          secretAnswer = answersSecret(schema, operation);
          contextValue.idempotency = {
            key,
            fingerprint: fingerprintOf({
              query: print(document),
              operationName: request.operationName ?? null,
              variables: request.variables ?? {},
            }),
          };
        },
        async responseForOperation({ contextValue }) {
          const claim = contextValue.idempotency;
          if (!claim) return null;
          if (!KEY.test(claim.key)) return refusal('Idempotency-Key must be 1 to 200 letters, digits or ._:-', ErrorCode.BAD_USER_INPUT);
          if (!contextValue.viewer.userId && !contextValue.viewer.apiKeyId) return null;
          const { actor } = writeContextOf(contextValue.viewer, contextValue.requestId);
          const [row] = (await dataSource.query(`SELECT fingerprint, response FROM idempotency_keys WHERE actor = $1 AND key = $2`, [
            actor,
            claim.key,
          ])) as Array<{
            fingerprint: string;
            response: Record<string, unknown> | null;
          }>;
          if (!row) return null;
          replayed = true;
          if (row.fingerprint !== claim.fingerprint) return refusal(keyReused().message, ErrorCode.BAD_USER_INPUT);
          if (!row.response)
            return refusal(
              'The first request with this Idempotency-Key is still running, or its answer was lost: read the record',
              ErrorCode.CONFLICT,
            );
          if (row.response.withheld === SHOWN_ONCE) {
            return refusal(
              'The first request with this Idempotency-Key was applied, and its secret was shown only in that answer: it is not kept. If it was lost, revoke what it made and make another',
              ErrorCode.CONFLICT,
            );
          }
          return answer(row.response, [['idempotent-replayed', 'true']]);
        },
        async willSendResponse({ contextValue, response }) {
          const claim = contextValue.idempotency;
          if (!claim || replayed || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          const { actor } = writeContextOf(contextValue.viewer, contextValue.requestId);
          await dataSource.query(`UPDATE idempotency_keys SET response = $3 WHERE actor = $1 AND key = $2 AND response IS NULL`, [
            actor,
            claim.key,
            JSON.stringify(secretAnswer ? WITHHELD : { data: response.body.singleResult.data }),
          ]);
        },
      };
    },
  };
}
