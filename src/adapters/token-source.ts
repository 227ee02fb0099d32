/**
 * The REST adapter's bearer token, from the host's `getToken`: asked for by
 * every request, shared by requests that ask at once, refreshed once for all
 * the requests a 401 refused together, and under the request timeout.
 */
import { DashboardError } from '../contract/errors.js';
import { abortable, abortError } from './abort.js';

export type BearerToken = string | null | undefined;

/** What `getToken` is told: `refresh` is true when the last token was refused with a 401. */
export interface TokenRequest {
  refresh: boolean;
}

export type TokenGetter = (request: TokenRequest) => BearerToken | Promise<BearerToken>;

/**
 * The bearer token, shared by concurrent requests. Every request asks for it
 * (so the host decides how long a token lives), but requests that ask at the
 * same time share one `getToken` call, and requests refused with a 401 share
 * one refresh: N requests refused together cause exactly one extra call.
 */
export interface TokenTicket {
  token: BearerToken;
  /** Refreshes started before this token was asked for. */
  epoch: number;
}

/**
 * One `getToken` call as requests share it: its answer under the deadline, and how many requests
 * wait for it. A host's `getToken` takes no signal and may never answer, so the deadline is ours.
 */
interface TokenCall {
  result: Promise<BearerToken>;
  waiting: number;
  /** Clears the deadline; the call's answer, if it ever comes, is no longer anyone's. */
  abandon(): void;
}

/**
 * `asked` as a shared call, or a `timeout` error once `timeoutMs` pass (0 or less: no limit).
 */
function tokenCall(asked: Promise<BearerToken>, timeoutMs: number): TokenCall {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = new Promise<BearerToken>((resolve, reject) => {
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      timer = setTimeout(
        () => reject(new DashboardError('timeout', `getToken timed out after ${timeoutMs} ms.`)),
        timeoutMs,
      );
    }
    asked.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
  return { result, waiting: 0, abandon: () => clearTimeout(timer) };
}

export function createTokenSource(getToken: TokenGetter, timeoutMs: number) {
  let pending: TokenCall | undefined;
  let lastRefresh: TokenCall | undefined;
  let epoch = 0;

  function call(refresh: boolean): TokenCall {
    const asked = Promise.resolve({ refresh })
      .then(getToken)
      .then((token) => {
        // A host's slip (the session object, a number) would go out as "Bearer [object Object]".
        if (token != null && typeof token !== 'string') throw new TypeError('getToken gave no text.');
        return token;
      })
      .catch((error: unknown) => {
        throw error instanceof DashboardError
          ? error
          : new DashboardError('unauthorized', 'Could not get an access token.', { cause: error });
      });
    // Under the same deadline as a request: a token call that hangs must not hang the card. Once
    // settled (timed out too) it is no longer shared, so the next request asks again.
    const made = tokenCall(asked, timeoutMs);
    pending = made;
    const settle = () => {
      if (pending === made) pending = undefined;
    };
    made.result.then(settle, settle);
    return made;
  }

  /**
   * The call's token for one request. When every request waiting for it has aborted, its deadline
   * timer goes at once (not `timeoutMs` later) and it is shared no more: a later request asks
   * `getToken` again under a deadline of its own rather than wait for a call nobody times.
   */
  async function wait(made: TokenCall, signal: AbortSignal | undefined): Promise<BearerToken> {
    made.waiting += 1;
    try {
      return await abortable(made.result, signal);
    } catch (error) {
      if (signal?.aborted && --made.waiting === 0) {
        made.abandon();
        if (pending === made) pending = undefined;
        if (lastRefresh === made) lastRefresh = undefined;
      }
      throw error;
    }
  }

  return {
    async get(signal: AbortSignal | undefined): Promise<TokenTicket> {
      if (signal?.aborted) throw abortError();
      const seen = epoch;
      return { token: await wait(pending ?? call(false), signal), epoch: seen };
    },
    /** A fresh token after `refused` got a 401, unless a refresh since then already got one. */
    async refresh(refused: TokenTicket, signal: AbortSignal | undefined): Promise<TokenTicket> {
      if (signal?.aborted) throw abortError();
      if (refused.epoch === epoch || !lastRefresh) {
        epoch += 1;
        lastRefresh = call(true);
      }
      return { token: await wait(lastRefresh, signal), epoch };
    },
  };
}
