/**
 * The live stream of the REST adapter: `GET .../events` read with `fetch`
 * (so the bearer token and custom headers are sent, which `EventSource`
 * cannot do) and parsed by sse-parser.ts. Reconnects with backoff and
 * full jitter, resuming with `Last-Event-ID`, until unsubscribed or refused.
 */
import { isRetryable, toDashboardError } from '../contract/errors.js';
import type { DashboardEvent, LiveConnectionState, SubscribeOptions } from '../contract/types.js';
import { parseDashboardEvent } from '../contract/validation.js';
import { backoffDelay, sleep, type HttpClient } from './http.js';
import { createSseParser, type SseBlock } from './sse-parser.js';

/** What survives a reconnect. */
interface StreamSession {
  lastEventId?: string;
  /** The server's `retry:` field: the base of our backoff while it is set. */
  retryMs?: number;
}

/** A host callback that throws must not end the stream, but must not vanish either. */
function report(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
}

/** A message as a validated event, or undefined for anything else (skipped, never fatal). */
export function toDashboardEvent(message: SseBlock): DashboardEvent | undefined {
  if (!message.event) return undefined;
  try {
    return parseDashboardEvent({ topic: message.event, data: JSON.parse(message.data) as unknown });
  } catch {
    return undefined;
  }
}

/** Reads one response to its end; resolves when the server closes it or `signal` aborts. */
async function pump(response: Response, signal: AbortSignal, feed: (text: string) => void): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  // Cancelling also ends a custom fetch's body that ignores the signal.
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) return;
      feed(value);
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/**
 * Subscribes to `path` until the returned function is called or
 * `options.signal` aborts. `onConnectionChange` hears `open` on every
 * connect, `reconnecting` once per outage and `closed` once at the end.
 */
export function subscribeToEvents(
  http: HttpClient,
  path: string,
  onEvent: (event: DashboardEvent) => void,
  options: SubscribeOptions = {},
): () => void {
  const { signal: outer, onConnectionChange } = options;
  if (outer?.aborted) return () => {};
  const controller = new AbortController();
  const signal = controller.signal;
  let state: LiveConnectionState | undefined;

  function setState(next: LiveConnectionState): void {
    if (state === next || state === 'closed') return;
    state = next;
    try {
      onConnectionChange?.(next);
    } catch (error) {
      report(error);
    }
  }

  function close(): void {
    outer?.removeEventListener('abort', close);
    controller.abort();
    setState('closed');
  }

  function deliver(message: SseBlock): void {
    // Events after an unsubscribe (same chunk) are dropped.
    const event = signal.aborted ? undefined : toDashboardEvent(message);
    if (!event) return;
    try {
      onEvent(event);
    } catch (error) {
      report(error);
    }
  }

  /** One connection; true when the server said anything on it. */
  async function connect(session: StreamSession): Promise<boolean> {
    let heard = false;
    const parser = createSseParser({
      onBlock(message) {
        heard = true;
        // Per the SSE spec an `id:` field (even empty) replaces the last event id; no field keeps it.
        if (message.id !== undefined) session.lastEventId = message.id;
        deliver(message);
      },
      onRetry(ms) {
        heard = true;
        session.retryMs = ms;
      },
      onComment() {
        heard = true;
      },
    });
    const headers: Record<string, string> = session.lastEventId
      ? { 'Last-Event-ID': session.lastEventId }
      : {};
    try {
      const response = await http.openStream(path, headers, signal);
      setState('open');
      await pump(response, signal, (text) => parser.feed(text));
    } catch (error) {
      // A drop after some data still counts as a connection that worked (the backoff restarts).
      if (heard) return true;
      throw error;
    }
    return heard;
  }

  function delayFor(attempt: number, session: StreamSession, retryAfterMs?: number): number {
    const base = session.retryMs ?? http.backoff.baseMs;
    // The server's `retry:` may exceed our cap; the server wins. A live stream retries forever,
    // so a huge Retry-After is clamped rather than given up on.
    const maxMs = Math.max(http.backoff.maxMs, base);
    const policy = { ...http.backoff, baseMs: base, maxMs };
    return backoffDelay(
      attempt,
      policy,
      retryAfterMs === undefined ? undefined : Math.min(retryAfterMs, maxMs),
    );
  }

  async function run(): Promise<void> {
    const session: StreamSession = {};
    let attempt = 0;
    while (!signal.aborted) {
      let retryAfterMs: number | undefined;
      try {
        // A server that accepts and hangs up at once must not get a tight loop: the backoff only
        // restarts after a connection that carried something.
        if (await connect(session)) attempt = 0;
      } catch (error) {
        const failure = toDashboardError(error);
        if (signal.aborted) return;
        // 401 after the refresh, 403, 404, other 4xx, not an event stream: retrying will not help.
        if (!isRetryable(failure)) return close();
        retryAfterMs = failure.retryAfterMs;
      }
      if (signal.aborted) return;
      setState('reconnecting');
      await sleep(delayFor(attempt, session, retryAfterMs), signal).catch(() => {});
      attempt += 1;
    }
  }

  outer?.addEventListener('abort', close, { once: true });
  void run().catch(report);
  return close;
}
