/**
 * Event ids the live stream resumes from (`Last-Event-ID`). The SSE standard allows any text but NUL
 * in an id, and `EventSource` sends it back as UTF-8; a `fetch` header value is bytes, and the
 * browser refuses a character above U+00FF in one. The adapter sends what `EventSource` would.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { LiveConnectionState } from '../../src/contract/types.js';
import { plan, scriptedFetch } from './rest-fixtures.js';
import { fakeTimeoutsEachTest, realTask } from '../helpers/clock.js';

const encoder = new TextEncoder();

/** The header value whose bytes are `text`'s UTF-8, as `EventSource` puts it on the wire. */
const utf8Bytes = (text: string) =>
  Array.from(encoder.encode(text), (byte) => String.fromCharCode(byte)).join('');

describe('createRestAdapter: resuming from any event id (fake timers)', () => {
  let clock: sinon.SinonFakeTimers;
  fakeTimeoutsEachTest((fake) => (clock = fake));

  for (const id of ['🚀-7', '事件-42', 'é1', 'plain-9']) {
    it(`resumes after ${JSON.stringify(id)} with Last-Event-ID in UTF-8, and keeps the stream`, async () => {
      const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
      const { fetch, calls } = scriptedFetch(
        () =>
          new Response(new ReadableStream<Uint8Array>({ start: (c) => void streams.push(c) }), {
            headers: { 'content-type': 'text/event-stream' },
          }),
      );
      const adapter = createRestAdapter({ baseUrl: '/api', fetch, random: () => 0, liveSharing: 'page' });
      const states: LiveConnectionState[] = [];
      const events: unknown[] = [];
      const unsubscribe = adapter.subscribe('acme', (event) => events.push(event.data), {
        onConnectionChange: (state) => states.push(state),
      });
      try {
        while (streams.length < 1) await realTask();
        streams[0].enqueue(encoder.encode(`id: ${id}\nevent: plan\ndata: ${JSON.stringify(plan)}\n\n`));
        while (events.length < 1) await realTask();
        streams[0].close();
        while (!states.includes('reconnecting')) await realTask();
        await clock.tickAsync(1000); // the reconnect floor; the jitter's pick is 0
        // Bounded by the test's timeout, not by a count of tasks: how many the reconnection takes
        // depends on the machine's load. A reconnection that never comes fails the test.
        while (states.length < 3) await realTask();
        expect(states).to.deep.equal(['open', 'reconnecting', 'open']);
        expect(calls).to.have.length(2);
        expect(calls[1].headers.get('last-event-id')).to.equal(utf8Bytes(id));
      } finally {
        unsubscribe();
      }
    });
  }
});
