import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { type DocumentNode, type ExecutionResult, getOperationAST, type OperationDefinitionNode } from 'graphql';

import type { Viewer } from '../core/access/viewer.js';
import type { ExecutionHandOff, Operation } from '../graphql/executor.js';
import { holdsUnstorableText, MAX_QUERY_COST, type OperationPricer, variablesProblem } from '../graphql/limits.js';
import type { PassthroughRun, RawAnswers } from '../graphql/passthrough.js';
import { confirmsItself } from '../graphql/unconfirmed-viewer.js';
import { keptFor } from './public-answers.js';

/** How many documents are kept known as plain; past it, the least recently answered is forgotten. */
export const MOST_PLAIN_DOCUMENTS = 1000;
/** How many distinct Accept headers are kept with the content type Apollo answers them with. */
const MOST_ACCEPTS = 32;

/** A POST body that holds nothing but a query, the name of its operation and its variables. */
export interface PlainRequest {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
}

/** The body as a plain request, or null for anything else (extensions, a batch, a query that is not text), which Apollo reads. */
export function plainRequest(body: unknown): PlainRequest | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName, variables, ...rest } = body as Record<string, unknown>;
  if (typeof query !== 'string' || Object.keys(rest).length > 0) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  return { query, operationName: operationName ?? null, variables: (variables as Record<string, unknown> | null) ?? undefined };
}

interface Plain {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** An edit that confirms the session in its own first statement (graphql/unconfirmed-viewer.ts), run as the executor runs it. */
  edit: boolean;
}

/** What the fast path needs of a request's context: the caller, and where its answer's JSON is held. */
export interface PlainContext {
  handOff?: ExecutionHandOff;
  viewer: Viewer;
  /** Reads the session's user, for a viewer taken unconfirmed (http/session.ts). */
  confirmViewer?: () => Promise<Viewer>;
  rawAnswers?: RawAnswers;
  publicAnswer?: { keep: boolean };
}

/** The parts of the executor the edits' answers use: its run, and which root mutations are edits that confirm the session themselves. */
export interface PlainEdits {
  run: (operation: Operation) => Promise<ExecutionResult>;
  confirming: ReadonlySet<string>;
}

/**
 * Documents Apollo has parsed, validated and passed within the document limits, and whose every root field
 * PostgreSQL then answered (graphql/passthrough.ts), kept by their text and operation name: the next POST of one
 * is answered without Apollo's pipeline, as grafast keeps a plan per document. So are the edits that read the
 * session in their own first statement, asked alone (`updateClaim`, …): run by the executor's own `run`, with
 * the same context, and answered here when they succeed, as Apollo writes a success. Any other outcome (an error,
 * a refusal, a throw) is handed to Apollo with the request (`ExecutionHandOff.ran`): Apollo answers the outcome as
 * if its executor had just produced it, so every error's shape, code and status are Apollo's own, and the edit
 * is not run twice (the checks below all pass before it runs, so Apollo's plugins pass it too and its executor takes
 * the outcome). What Apollo and its plugins did for such a request is done here: what depends on the variables (their
 * shape, storable text, the cost limit) is checked again, the context is made as for Apollo (authentication, the API
 * key's use, the read rate), the answer marked as one the public cache may keep, and written as Apollo writes it,
 * with the content type Apollo chose for the same Accept header. The plan of each root is chosen per request for its
 * caller, as on the ordinary path.
 *
 * Apollo's plugins (http/app.ts), each: `runnableRequest` (an operation the name picks: the document's; the variables'
 * depth and width: checked again), `storableTextOnly` (the text passed; the variables: checked again), `costLimit`
 * (the same pricer, for these variables), `idempotencyPlugin` (a request with an Idempotency-Key goes to Apollo),
 * `tryAgainLaterStatuses` (acts on errors, which this never answers itself), `publicAnswerPlugin` (its mark, set here by
 * the same rule); the landing page and cache-control plugins are off, and do nothing per request. Apollo's own
 * CSRF check passes every JSON POST, and `formatError` sees errors only.
 *
 * Anything else returns null and goes to Apollo, with the context already made: a document not seen plain, a
 * variable out of shape or over the cost, a context that failed (a revoked key's 401), an argument the passthrough
 * does not take, any failure. Apollo then answers or refuses it as it always has.
 */
export class PlainDocuments {
  private readonly known = new Map<string, Map<string, Plain>>();
  private count = 0;
  private readonly contentTypes = new Map<string, string>();

  constructor(
    private readonly run: PassthroughRun,
    private readonly price: OperationPricer,
    private readonly edits: PlainEdits | null = null,
  ) {}

  /**
   * Keeps a request's document as plain when Apollo's answer to it was PostgreSQL's JSON alone, or when Apollo ran
   * it as one edit that confirms the session itself, whatever its outcome (the document passed Apollo's checks).
   */
  learn(request: PlainRequest, accept: string, context: PlainContext | null, response: HTTPGraphQLResponse): void {
    const passedThrough = context?.rawAnswers?.document;
    const executed = context?.handOff?.executedDocument;
    const edit = !passedThrough && !!executed && !!this.edits && confirmsItself(this.edits.confirming, executed, request.operationName);
    const document = edit ? executed : passedThrough;
    if (!document || (response.status ?? 200) !== 200 || response.body.kind !== 'complete') return;
    const contentType = response.headers.get('content-type');
    if (!contentType || [...response.headers.keys()].some((name) => name !== 'content-type')) return;
    const operation = getOperationAST(document, request.operationName);
    if (!operation) return;
    if (!this.contentTypes.has(accept) && this.contentTypes.size < MOST_ACCEPTS) this.contentTypes.set(accept, contentType);
    let byName = this.known.get(request.query);
    if (byName?.has(request.operationName ?? '')) return;
    if (!byName) this.known.set(request.query, (byName = new Map()));
    byName.set(request.operationName ?? '', { document, operation, edit });
    if (++this.count > MOST_PLAIN_DOCUMENTS) {
      const [oldest, names] = this.known.entries().next().value!;
      this.known.delete(oldest);
      this.count -= names.size;
    }
  }

  /** The answer to a request of a plain document, or null when it goes to Apollo. */
  async answer(request: PlainRequest, accept: string, made: Promise<PlainContext>): Promise<HTTPGraphQLResponse | null> {
    const byName = this.known.get(request.query);
    const plain = byName?.get(request.operationName ?? '');
    const contentType = this.contentTypes.get(accept);
    if (!plain || !contentType) return null;
    // The least recently answered is forgotten first.
    this.known.delete(request.query);
    this.known.set(request.query, byName!);
    const variables = request.variables ?? {};
    if (variablesProblem(request.variables) || holdsUnstorableText(request.variables)) return null;
    const cost = this.price(plain.document, request.operationName, variables);
    if (cost === null || cost > MAX_QUERY_COST) return null;
    const context = await made.catch(() => null);
    if (!context?.rawAnswers) return null;
    if (plain.edit && context.handOff) return this.answerEdit(plain, request.operationName, variables, context, contentType);
    // A session taken unconfirmed is confirmed before anything runs, as for every query on the ordinary path
    // (graphql/unconfirmed-viewer.ts): a plan is chosen for who the caller is now.
    if (context.viewer.unconfirmed && context.confirmViewer) {
      const confirmed = await context.confirmViewer().catch(() => null);
      if (!confirmed) return null;
      context.viewer = confirmed;
    }
    const result = await this.run(plain.document, request.operationName, variables, context);
    if (!result) return null;
    const { rawAnswers } = context;
    const roots: string[] = [];
    for (const [name, marker] of Object.entries(result.data ?? {})) {
      const json = rawAnswers.heldFor(marker);
      if (json === null) return null;
      roots.push(`${JSON.stringify(name)}:${json}`);
    }
    if (context.publicAnswer) context.publicAnswer.keep = keptFor(context.viewer, plain.operation);
    return {
      status: 200,
      headers: new HeaderMap([['content-type', contentType]]),
      // As Apollo writes an answer (its prettyJSONStringify), each root's JSON as it was written.
      body: { kind: 'complete', string: `{"data":{${roots.join(',')}}}\n` },
    };
  }

  /** An edit's success as Apollo writes one (its prettyJSONStringify of `{ data }`); anything else is left to Apollo, with the outcome. */
  private async answerEdit(
    plain: Plain,
    operationName: string | null,
    variables: Record<string, unknown>,
    context: PlainContext,
    contentType: string,
  ): Promise<HTTPGraphQLResponse | null> {
    // The session is confirmed by the executor's run, in the edit's own first statement, as on Apollo's path.
    const ran = this.edits!.run({ document: plain.document, operationName, variables, context });
    const result = await ran.catch(() => null);
    if (!result || result.errors !== undefined || result.extensions !== undefined || !result.data) {
      context.handOff!.ran = ran;
      return null;
    }
    if (context.publicAnswer) context.publicAnswer.keep = keptFor(context.viewer, plain.operation);
    return {
      status: 200,
      headers: new HeaderMap([['content-type', contentType]]),
      body: { kind: 'complete', string: context.rawAnswers!.splice(`${JSON.stringify({ data: result.data })}\n`) },
    };
  }
}
