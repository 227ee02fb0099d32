/**
 * A tiny Server-Sent Events reader over `fetch`, so tests see the raw blocks
 * a server writes: every complete block (id-only blocks and comments too),
 * never a half-written one.
 */

export interface SseBlock {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comments: string[];
}

export interface SseReader {
  readonly response: Response;
  /** Every complete block so far, in order. */
  readonly blocks: SseBlock[];
  /** The last `id:` seen, as a client keeps it for `Last-Event-ID`. */
  readonly lastId: string | undefined;
  /** Reads until `done(blocks)` holds; throws if the stream ends first. */
  until(done: (blocks: SseBlock[]) => boolean): Promise<void>;
  /** Reads everything up to the end of the stream (the server ended it). */
  toEnd(): Promise<void>;
  /** Aborts the request, as a client going away does. */
  abort(): Promise<void>;
}

/** Splits complete blocks off `buffer`; returns them and the rest. */
export function parseBlocks(buffer: string): { blocks: SseBlock[]; rest: string } {
  const blocks: SseBlock[] = [];
  let end: number;
  while ((end = buffer.indexOf('\n\n')) >= 0) {
    const text = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    const block: SseBlock = { comments: [] };
    for (const line of text.split('\n')) {
      if (line.startsWith(':')) {
        block.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id' || field === 'event' || field === 'data' || field === 'retry') block[field] = value;
    }
    blocks.push(block);
  }
  return { blocks, rest: buffer };
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const blocks: SseBlock[] = [];
  let buffer = '';
  let lastId: string | undefined;
  let ended = false;
  async function readOnce(): Promise<void> {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    const parsed = parseBlocks(buffer + value);
    buffer = parsed.rest;
    for (const block of parsed.blocks) {
      if (block.id !== undefined) lastId = block.id;
      blocks.push(block);
    }
  }
  return {
    response,
    blocks,
    get lastId() {
      return lastId;
    },
    async until(done) {
      while (!done(blocks)) {
        if (ended) throw new Error('the stream ended');
        await readOnce();
      }
    },
    async toEnd() {
      while (!ended) await readOnce();
    },
    async abort() {
      controller.abort();
      await reader.cancel().catch(() => {});
    },
  };
}

/** The blocks that carry an event (`data:`). */
export const eventsOf = (blocks: SseBlock[]): SseBlock[] => blocks.filter((b) => b.data !== undefined);
