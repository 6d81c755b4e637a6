import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { print } from 'graphql';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '../core/errors.js';
import { canonicalJson, sha256Hex } from '../core/revisions/canonical-json.js';
import { keyReused } from '../core/revisions/idempotency.js';
import type { RequestContext } from '../modules/context.js';
import { writeContextOf } from '../modules/users/viewer.js';

const KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

const answer = (singleResult: Record<string, unknown>, headers: Array<[string, string]> = []) => ({
  http: { status: 200, headers: new HeaderMap(headers) },
  body: { kind: 'single' as const, singleResult },
});
const refusal = (message: string, code: ErrorCode) => answer({ errors: [{ message, extensions: { code } }] });

/**
 * `Idempotency-Key` for mutations (the IETF httpapi draft's header). The first request with a key runs, and its
 * writes claim the key in their own transaction; its answer is stored. The same key and request again gets that
 * answer back and runs nothing; the same key with another request is refused.
 */
export function idempotencyPlugin(dataSource: DataSource): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }): Promise<GraphQLRequestListener<RequestContext> | void> {
      const key = request.http?.headers.get('idempotency-key');
      if (!key) return;
      let replayed = false;
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          contextValue.idempotency = {
            key,
            fingerprint: sha256Hex(canonicalJson({ query: print(document), operationName: request.operationName ?? null, variables: request.variables ?? {} })),
          };
        },
        async responseForOperation({ contextValue }) {
          const claim = contextValue.idempotency;
          if (!claim) return null;
          if (!KEY.test(claim.key)) return refusal('Idempotency-Key must be 1 to 200 letters, digits or ._:-', ErrorCode.BAD_USER_INPUT);
          if (!contextValue.viewer.userId && !contextValue.viewer.apiKeyId) return null;
          const { actor } = writeContextOf(contextValue.viewer, contextValue.requestId);
          const [row] = (await dataSource.query(`SELECT fingerprint, response FROM idempotency_keys WHERE actor = $1 AND key = $2`, [actor, claim.key])) as Array<{
            fingerprint: string;
            response: Record<string, unknown> | null;
          }>;
          if (!row) return null;
          replayed = true;
          if (row.fingerprint !== claim.fingerprint) return refusal(keyReused().message, ErrorCode.BAD_USER_INPUT);
          if (!row.response) return refusal('The first request with this Idempotency-Key is still running, or its answer was lost: read the record', ErrorCode.CONFLICT);
          return answer(row.response, [['idempotent-replayed', 'true']]);
        },
        async willSendResponse({ contextValue, response }) {
          const claim = contextValue.idempotency;
          if (!claim || replayed || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          const { actor } = writeContextOf(contextValue.viewer, contextValue.requestId);
          await dataSource.query(`UPDATE idempotency_keys SET response = $3 WHERE actor = $1 AND key = $2 AND response IS NULL`, [
            actor,
            claim.key,
            JSON.stringify({ data: response.body.singleResult.data }),
          ]);
        },
      };
    },
  };
}
