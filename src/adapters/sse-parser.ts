/**
 * An incremental parser for `text/event-stream`, as the HTML standard's
 * "Interpreting an event stream" says: lines end in CRLF, LF or CR (also
 * split across chunks), `:` starts a comment, a blank line ends a block, a
 * leading BOM is dropped. Smaller than eventsource-parser (3.4 kB minified,
 * in every host's bundle) because it keeps only what the live stream uses.
 */

/** One block of fields, ended by a blank line. */
export interface SseBlock {
  /** The block's `event:` field ('' when none). */
  event: string;
  /** The `data:` lines joined by line feeds ('' when none). */
  data: string;
  /** The block's `id:` field, when it had one: per the standard it replaces the last event id, even empty. */
  id?: string;
}

export interface SseHandlers {
  /** A block with data or an id (a block with neither is no event). */
  onBlock(block: SseBlock): void;
  /** A `retry:` field of digits only: the server's reconnection time in ms. */
  onRetry(ms: number): void;
  /** A comment line (servers send them as keep-alives). */
  onComment(): void;
}

export interface SseParser {
  /** Parses the next piece of the stream, as decoded text. */
  feed(text: string): void;
}

export function createSseParser(handlers: SseHandlers): SseParser {
  const lineEnd = /\r\n|\r|\n/g;
  let buffer = '';
  let started = false;
  /** The last chunk ended in CR: a LF opening the next one belongs to that line end. */
  let afterCR = false;
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  function endBlock(): void {
    if (data.length || id !== undefined) handlers.onBlock({ event, data: data.join('\n'), id });
    event = '';
    data = [];
    id = undefined;
  }

  function line(text: string): void {
    if (text === '') return endBlock();
    if (text.startsWith(':')) return handlers.onComment();
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) handlers.onRetry(Number(value));
  }

  return {
    feed(text) {
      if (!text) return;
      if (!started) {
        started = true;
        if (text.startsWith('\uFEFF')) text = text.slice(1);
      }
      if (afterCR && text.startsWith('\n')) text = text.slice(1);
      afterCR = false;
      buffer += text;
      let start = 0;
      lineEnd.lastIndex = 0;
      for (let match; (match = lineEnd.exec(buffer));) {
        line(buffer.slice(start, match.index));
        start = lineEnd.lastIndex;
        // A CR that ends the chunk may be the first half of a CRLF.
        if (match[0] === '\r' && start === buffer.length) afterCR = true;
      }
      buffer = buffer.slice(start);
    },
  };
}
