import { Args, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';

import type { Viewer } from '../../core/access/viewer.js';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { MAX_PAGE_SIZE } from '../../core/paging/connection.js';
import type { LiveContext, RequestContext } from '../../graphql/context.js';
import type { ChangeRequest, ChangesService } from './changes.service.js';
import { Change, ChangePage, ChangePageArgs, ChangesArgs } from './changes.types.js';

/** How soon a live reader looks again when writes wait behind an older transaction, which may write no revision. */
const HELD_BACK_RETRY_MS = 100;
/** A live reader looks again this often even with no notification: one lost while the listener reconnected. */
const IDLE_RECHECK_MS = 30_000;

/**
 * The feed as an iterator that stops waiting as soon as the client unsubscribes, and drops the connection when the
 * client takes longer than the connection allows to take a change (it pulls the next only once the last went out).
 */
function follow(changes: ChangesService, viewer: Viewer, live: LiveContext, request: ChangeRequest): AsyncIterableIterator<Change> {
  const stop = new AbortController();
  let slow: NodeJS.Timeout | null = null;
  async function* read(): AsyncGenerator<Change> {
    await live.signal.start();
    let after = request.after ?? null;
    while (!stop.signal.aborted) {
      const seen = live.signal.generation;
      const page = await changes.readLive(viewer, { ...request, after, first: MAX_PAGE_SIZE });
      for (const change of page.changes) {
        if (stop.signal.aborted) return;
        yield change;
      }
      after = page.cursor;
      if (!page.hasMore) await live.signal.next(seen, page.heldBack ? HELD_BACK_RETRY_MS : IDLE_RECHECK_MS, stop.signal);
    }
  }
  const changesRead = read();
  return {
    async next() {
      if (slow) clearTimeout(slow);
      const result = await changesRead.next();
      if (!result.done) {
        slow = setTimeout(() => {
          stop.abort();
          live.drop(`Too slow: a change waited over ${live.sendTimeoutMs} ms to be sent. Subscribe again from the last cursor you took.`);
        }, live.sendTimeoutMs);
      }
      return result;
    },
    async return() {
      if (slow) clearTimeout(slow);
      stop.abort();
      return changesRead.return(undefined);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

@Resolver(() => Change)
export class ChangesResolver {
  @Query(() => ChangePage, {
    description:
      'What changed since `after`, in the order the writes became readable: each record that appeared, changed or ' +
      'disappeared for the caller, with its version and when. Replayed from the start (keeping the highest version per ' +
      'record), it holds what a fresh read gives the caller. For everyone; what each caller sees follows its role.',
  })
  changes(@Args() args: ChangePageArgs, @Ctx() { services, viewer }: RequestContext): Promise<ChangePage> {
    return services.changes.read(viewer, args);
  }

  @Subscription(() => Change, {
    name: 'changes',
    description:
      'The change feed, live: every change the caller sees, as it is committed on any server, from `after` on (so a ' +
      'client resumes from the last cursor it took after a disconnect). For everyone, over WebSocket (graphql-ws) at /graphql.',
    subscribe: async ({ args, context }) => {
      const { services, viewer, live } = context as RequestContext;
      if (!live) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Subscriptions run over WebSocket (graphql-ws) at /graphql');
      const request = args as ChangesArgs;
      // Refuses a bad cursor or kind before the subscription starts, so the client hears why.
      services.changes.check(viewer, request);
      return follow(services.changes, viewer, live, request);
    },
  })
  changesLive(@Args() _args: ChangesArgs, @Root() change: Change): Change {
    return change;
  }
}
