/**
 * The REST adapter's bearer token, from the host's `getToken`: asked for by
 * every request, shared by requests that ask at once, refreshed once for all
 * the requests a 401 refused together, and under the request timeout.
 */
import { DashboardError } from '../contract/errors.js';
import { abortable } from './abort.js';

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
 * `promise`, or a `timeout` error once `timeoutMs` pass (0 or less: no limit).
 * For a host's `getToken`, which takes no signal and may never answer.
 */
function withinTime<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  if (!(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DashboardError('timeout', `${what} timed out after ${timeoutMs} ms.`)),
      timeoutMs,
    );
    promise.then(
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
}

export function createTokenSource(getToken: TokenGetter, timeoutMs: number) {
  let pending: Promise<BearerToken> | undefined;
  let lastRefresh: Promise<BearerToken> | undefined;
  let epoch = 0;

  function call(refresh: boolean): Promise<BearerToken> {
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
    const result = withinTime(asked, timeoutMs, 'getToken');
    pending = result;
    const settle = () => {
      if (pending === result) pending = undefined;
    };
    result.then(settle, settle);
    return result;
  }

  return {
    async get(signal: AbortSignal | undefined): Promise<TokenTicket> {
      const seen = epoch;
      return { token: await abortable(pending ?? call(false), signal), epoch: seen };
    },
    /** A fresh token after `refused` got a 401, unless a refresh since then already got one. */
    async refresh(refused: TokenTicket, signal: AbortSignal | undefined): Promise<TokenTicket> {
      if (refused.epoch === epoch || !lastRefresh) {
        epoch += 1;
        lastRefresh = call(true);
      }
      return { token: await abortable(lastRefresh, signal), epoch };
    },
  };
}
