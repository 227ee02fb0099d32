/**
 * One live stream of the REST adapter (`GET .../events`) read with `fetch`
 * (so the bearer token and custom headers are sent, which `EventSource`
 * cannot do) and parsed by sse-parser.ts. Reconnects with a floor, backoff and
 * full jitter (reconnect.ts), resuming with `Last-Event-ID`, until
 * closed or refused; a connection silent for too long is replaced. Which
 * streams are open, for which orgs, is live-streams.ts's decision. Events are
 * passed on as parsed JSON, unvalidated: the store validates every adapter's
 * events in one place.
 */
import { isRetryable, toDashboardError, type DashboardError } from '../contract/errors.js';
import type { DashboardEvent, LiveConnectionState } from '../contract/types.js';
import { sleep } from './abort.js';
import type { HttpClient } from './http.js';
import { asNetworkFailure } from './request.js';
import { reconnectDelay } from './reconnect.js';
import { createSseParser, type SseBlock } from './sse-parser.js';

/** How the stream watches its connection. */
export interface StreamSettings {
  /**
   * A connection that sends no bytes at all for this long (comments count) is
   * taken for dead, e.g. half-open after a network change: it is closed,
   * `reconnecting` is reported and a new one is made. 0 turns this off.
   */
  silenceMs: number;
}

/** What survives a reconnect. */
interface StreamSession {
  lastEventId?: string;
  /** The server's `retry:` field: the base of our backoff while it is set. */
  retryMs?: number;
}

/** A host callback that throws must not end the stream, but must not vanish either. */
export function report(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
}

/**
 * A message as an event: its `event:` field is the topic and its data is
 * JSON. Anything else (no topic, data that is not JSON) is skipped, never
 * fatal. The shape is not checked here: the store validates every event.
 */
export function toDashboardEvent(message: SseBlock): DashboardEvent | undefined {
  if (!message.event) return undefined;
  try {
    return { topic: message.event, data: JSON.parse(message.data) as unknown } as DashboardEvent;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onSilence` once no `alive()` came for `silenceMs` (0: never).
 * `alive()` restarts the wait; `stop()` ends it. `alive()` runs for every
 * chunk the stream reads, so it only notes the time: one timer runs at a time,
 * and when it finds that a chunk came meanwhile it waits for what is left
 * (a timer set and cleared per chunk was a few per cent of a live event's
 * cost in a CPU profile of the updates benchmark). The clock is `Date.now()`,
 * as the reconnect floor's: a clock set back starts the wait again, one set
 * forward can end a connection early, and the stream reconnects.
 */
function watchSilence(silenceMs: number, onSilence: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastAlive = 0;
  const enabled = silenceMs > 0 && Number.isFinite(silenceMs);
  const check = () => {
    const now = Date.now();
    const quiet = now - lastAlive;
    if (quiet >= silenceMs) {
      timer = undefined;
      onSilence();
      return;
    }
    if (quiet < 0) lastAlive = now;
    timer = setTimeout(check, silenceMs - Math.max(quiet, 0));
  };
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const alive = () => {
    if (!enabled) return;
    lastAlive = Date.now();
    timer ??= setTimeout(check, silenceMs);
  };
  return { alive, stop };
}

/**
 * Reads one response to its end; resolves when the server closes it or
 * `signal` aborts. `onBytes` hears every chunk, even one that is only part of
 * a line; a read that fails is the network's failure.
 */
async function pump(response: Response, signal: AbortSignal, onBytes: (text: string) => void): Promise<void> {
  // The body's own reader, decoded here: cancelling a decoder piped from the body would settle
  // before the body itself was cancelled, and a replacing stream would be asked for too soon.
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let cancelling: Promise<void> | undefined;
  // Cancelling also ends a custom fetch's body that ignores the signal.
  const cancel = () => void (cancelling = reader.cancel().catch(() => {}));
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        throw asNetworkFailure(error);
      });
      if (signal.aborted) return;
      // The end flushes a character cut short as U+FFFD, as a decoding stream would.
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (text) onBytes(text);
      if (done) return;
    }
  } finally {
    signal.removeEventListener('abort', cancel);
    // Ended only once the body is: a stream that replaces this one must not overlap it.
    await cancelling;
  }
}

/** What one stream tells its owner (live-streams.ts). */
export interface StreamListener {
  /** Every block with data or an id, after its id (if any) became the resume point. */
  onMessage(message: SseBlock): void;
  /** `open` on every connect, `reconnecting` once per outage, `closed` once at the end. */
  onState(state: LiveConnectionState): void;
  /** Why the stream gave up (a refusal retrying cannot change), just before `closed`. */
  onRefused?(error: DashboardError): void;
}

/**
 * An open stream: `close()` ends it (its promise settles once the connection
 * is let go); `lastEventId()` is where a successor resumes.
 */
export interface EventStream {
  close(): Promise<void>;
  lastEventId(): string | undefined;
}

/**
 * Reads `path` as a live stream until `close()`: reconnects with a floor,
 * backoff and jitter, resuming with `Last-Event-ID` (from `resumeFrom` on the
 * first connect), until closed or refused.
 */
export function openEventStream(
  http: HttpClient,
  path: string,
  listener: StreamListener,
  settings: StreamSettings = { silenceMs: 0 },
  resumeFrom?: string,
): EventStream {
  const controller = new AbortController();
  const signal = controller.signal;
  const session: StreamSession = { lastEventId: resumeFrom };
  let state: LiveConnectionState | undefined;

  function setState(next: LiveConnectionState): void {
    if (state === next || state === 'closed') return;
    state = next;
    try {
      listener.onState(next);
    } catch (error) {
      report(error);
    }
  }

  function close(): Promise<void> {
    controller.abort();
    setState('closed');
    return finished;
  }

  /** One connection; true when the server said anything on it. */
  async function connect(): Promise<boolean> {
    let heard = false;
    const parser = createSseParser({
      onBlock(message) {
        heard = true;
        // Blocks after a close (same chunk) are dropped, and do not move the resume point: a
        // stream that replaces this one must get them.
        if (signal.aborted) return;
        // Per the SSE spec an `id:` field (even empty) replaces the last event id; no field keeps it.
        if (message.id !== undefined) session.lastEventId = message.id;
        try {
          listener.onMessage(message);
        } catch (error) {
          report(error);
        }
      },
      onRetry(ms) {
        heard = true;
        session.retryMs = ms;
      },
      onComment() {
        heard = true;
      },
    });
    // The id's UTF-8 bytes, as EventSource sends it: a header value is bytes, and `fetch` refuses a
    // character above U+00FF (which refused the stream for good) and sends é as one Latin-1 byte.
    const headers: Record<string, string> = session.lastEventId
      ? {
          'Last-Event-ID': Array.from(new TextEncoder().encode(session.lastEventId), (byte) =>
            String.fromCharCode(byte),
          ).join(''),
        }
      : {};
    // This connection's own signal: the silence watchdog ends it without ending the stream.
    const connection = new AbortController();
    const endConnection = () => connection.abort();
    signal.addEventListener('abort', endConnection, { once: true });
    const silence = watchSilence(settings.silenceMs, endConnection);
    // Stopped at once on close, not only when the read loop winds down.
    connection.signal.addEventListener('abort', silence.stop, { once: true });
    try {
      const response = await http.openStream(path, headers, connection.signal);
      setState('open');
      silence.alive();
      await pump(response, connection.signal, (text) => {
        silence.alive();
        parser.feed(text);
      });
    } catch (error) {
      // A drop after some data still counts as a connection that worked (the backoff restarts).
      if (heard) return true;
      throw error;
    } finally {
      silence.stop();
      signal.removeEventListener('abort', endConnection);
    }
    return heard;
  }

  async function run(): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      let retryAfterMs: number | undefined;
      try {
        // A server that accepts and hangs up at once must not get a tight loop: the backoff only
        // restarts after a connection that carried something, and no delay is under the floor.
        if (await connect()) attempt = 0;
      } catch (error) {
        const failure = toDashboardError(error);
        if (signal.aborted) return;
        // 401 after the refresh, 403, 404, other 4xx, not an event stream, a request that cannot
        // be built: retrying will not help.
        if (!isRetryable(failure)) {
          try {
            listener.onRefused?.(failure);
          } catch (thrown) {
            report(thrown);
          }
          controller.abort();
          return setState('closed');
        }
        retryAfterMs = failure.retryAfterMs;
      }
      if (signal.aborted) return;
      setState('reconnecting');
      const delay = reconnectDelay(attempt, http.backoff, session.retryMs, retryAfterMs);
      await sleep(delay, signal).catch(() => {});
      attempt += 1;
    }
  }

  const finished = run().catch(report);
  return { close, lastEventId: () => session.lastEventId };
}
