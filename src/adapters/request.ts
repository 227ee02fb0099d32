/**
 * Telling a request that cannot be built from a network that failed: both
 * reach the REST adapter as a `TypeError`, but only the second is worth a
 * retry. Internal: used by `http.ts` and `sse.ts`.
 */
import { DashboardError } from '../contract/errors.js';

/** A `TypeError` from `fetch` or from reading a body is the network failing (the request itself was checked). */
export function asNetworkFailure(error: unknown): unknown {
  return error instanceof TypeError
    ? new DashboardError('network', 'The network request failed.', { cause: error })
    : error;
}

/**
 * The headers of a request, or `invalid-request` when the browser refuses one
 * (a value with a line break, a name with a space): such a request can never
 * be sent, so it must not look like a network failure worth retrying. The
 * browser's message is not kept: Firefox quotes the refused value, which may
 * be the token.
 */
export function buildHeaders(
  base: HeadersInit | undefined,
  accept: string,
  token: string | null | undefined,
  extra: Record<string, string>,
  label: string,
): Headers {
  try {
    const headers = new Headers(base);
    headers.set('Accept', accept);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return headers;
  } catch {
    throw new DashboardError(
      'invalid-request',
      `${label} was not sent: the browser refused a header (custom headers or the token).`,
    );
  }
}

/**
 * Builds the request once without sending it, so what `fetch` would refuse
 * before any network use (a URL it cannot parse, credentials in the URL, a bad
 * `credentials` value) is `invalid-request`; then every `TypeError` that
 * `fetch` rejects with is the network's.
 */
export function checkBuildable(url: string, init: RequestInit, label: string): void {
  if (typeof Request !== 'function') return;
  try {
    new Request(url, { method: init.method, headers: init.headers, credentials: init.credentials });
  } catch (error) {
    throw new DashboardError('invalid-request', `${label} could not be built (check the baseUrl).`, {
      cause: error,
    });
  }
}
