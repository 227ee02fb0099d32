/**
 * Waiting that an `AbortSignal` ends at once, with an `aborted` error: what
 * the adapters give their callers when a card lets go of a request.
 */
import { DashboardError } from '../contract/errors.js';

export function abortError(): DashboardError {
  return new DashboardError('aborted', 'The request was aborted.');
}

/**
 * `promise`, unless `signal` aborts first: then an `aborted` error at once.
 * Needed because a custom `fetch` or a host's `getToken` may ignore signals.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Resolves after `ms`; rejects with `aborted` (and clears its timer) as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
