/** Every way a request for dashboard data can fail (DESIGN.md, "Errors"). */
export const DASHBOARD_ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not-found',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'invalid-data',
  'aborted',
  /** A request refused before it was sent (an org id that is not one path segment), or a 400/422. */
  'invalid-request',
  /** 402: the payment behind a write was refused. */
  'payment-required',
  /** 409: a write that conflicts with the server's current state. */
  'conflict',
] as const;

export type DashboardErrorCode = (typeof DASHBOARD_ERROR_CODES)[number];

export interface DashboardErrorOptions {
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** For `invalid-data`: where the bad field is, e.g. `items[3].occurredAt`. */
  path?: string;
  /** For `rate-limited`: how long the server asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type adapters reject with and elements report. */
export class DashboardError extends Error {
  override readonly name = 'DashboardError';
  readonly code: DashboardErrorCode;
  readonly status?: number;
  readonly path?: string;
  readonly retryAfterMs?: number;

  constructor(code: DashboardErrorCode, message: string, options: DashboardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.path !== undefined) this.path = options.path;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

export function isDashboardError(value: unknown): value is DashboardError {
  return value instanceof DashboardError;
}

/** The error code for an HTTP status, or undefined for a success. */
export function codeForStatus(status: number): DashboardErrorCode | undefined {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status === 400 || status === 422) return 'invalid-request';
  if (status === 402) return 'payment-required';
  if (status === 409) return 'conflict';
  // Other 4xx are the server refusing the request: reported as `server` with
  // the status kept, and never retried (see isRetryable).
  if (status >= 400) return 'server';
  return undefined;
}

/** An error's `name` (`AbortError`, `TimeoutError`...), or undefined. */
function nameOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
}

/**
 * The messages browsers' (and common polyfills') `fetch` reject with when the
 * network fails: Chromium, Firefox, Safari (old and new), whatwg-fetch and
 * React Native, Node's undici. A `TypeError` is otherwise just a bug.
 */
const FETCH_NETWORK_MESSAGES = new Set([
  'Failed to fetch',
  'network error',
  'NetworkError when attempting to fetch resource.',
  'Load failed',
  'The Internet connection appears to be offline.',
  'The network connection was lost.',
  'Network request failed',
  'fetch failed',
  'terminated',
]);

/** Whether `value` is a `fetch` rejection for a failed network, as far as its message tells. */
export function isFetchNetworkError(value: unknown): boolean {
  return value instanceof TypeError && FETCH_NETWORK_MESSAGES.has(value.message);
}

/**
 * Whatever a custom adapter rejected with, as a `DashboardError`, so elements
 * and hosts only ever deal with one typed error. An `AbortError` is `aborted`, a
 * `TimeoutError` (`AbortSignal.timeout()`) `timeout`. A `TypeError` is `network`
 * only when it is a `fetch` network failure: any other one is a bug in the
 * adapter, reported as `server` (no status) with the original as `cause`,
 * never as a connection problem that a retry could fix.
 */
export function toDashboardError(value: unknown): DashboardError {
  if (value instanceof DashboardError) return value;
  const name = nameOf(value);
  if (name === 'AbortError')
    return new DashboardError('aborted', 'The request was aborted.', { cause: value });
  // What `fetch` rejects with when the signal of `AbortSignal.timeout()` fires: a deadline a host's
  // fetch wrapper or adapter set, worth a retry as the REST adapter's own is.
  if (name === 'TimeoutError')
    return new DashboardError('timeout', 'The request timed out.', { cause: value });
  if (isFetchNetworkError(value)) {
    return new DashboardError('network', 'The network request failed.', { cause: value });
  }
  const message = value instanceof Error ? value.message : 'The data source failed.';
  return withItsCode(value, message) ?? new DashboardError('server', message, { cause: value });
}

/**
 * An error that carries DESIGN.md's `code` without being this copy's `DashboardError`: an
 * adapter's own error, or a `DashboardError` of another copy of the library on the page (a
 * micro-frontend's bundle, the CDN build). Its code, status, path and wait are kept. Without a
 * known code, an HTTP error status (`status`, as fetch wrappers set it) says what happened.
 */
function withItsCode(value: unknown, message: string): DashboardError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, status, path, retryAfterMs } = value as Record<string, unknown>;
  const httpStatus = typeof status === 'number' && Number.isInteger(status) && status >= 100 && status < 600;
  const known = (DASHBOARD_ERROR_CODES as readonly unknown[]).includes(code)
    ? (code as DashboardErrorCode)
    : httpStatus
      ? codeForStatus(status)
      : undefined;
  if (!known) return undefined;
  return new DashboardError(known, message, {
    status: httpStatus ? status : undefined,
    path: typeof path === 'string' ? path : undefined,
    retryAfterMs:
      typeof retryAfterMs === 'number' && retryAfterMs >= 0 && retryAfterMs < Infinity
        ? retryAfterMs
        : undefined,
    cause: value,
  });
}

/**
 * Errors worth another try: the server or the network may recover. A
 * `server` error without a status is something a data source threw (a bug,
 * see `toDashboardError`): trying again would only repeat it.
 */
export function isRetryable(error: DashboardError): boolean {
  return (
    error.code === 'rate-limited' ||
    (error.code === 'server' && error.status !== undefined && error.status >= 500) ||
    error.code === 'network' ||
    error.code === 'timeout'
  );
}
