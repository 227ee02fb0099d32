/**
 * The multi-org stream of the loopback stress server (scripts/sse-stress-server.mjs,
 * `/__stress/events?orgId=...`) read directly with `fetch` and a tiny parser,
 * as a client would, through hundreds of drops (clean ends and reset
 * sockets, each after half a frame), runs of 503 and an org set that grows
 * midway: every event of the asked-for orgs arrives exactly once, in id
 * order, wrapped with its org, and none of the org nobody asked for. The
 * REST adapter's own run against it is the lead's; this holds the server to
 * the protocol it will meet.
 */
import { expect } from '@open-wc/testing';
import { parseBlocks, type SseBlock } from '../mocks/sse-reader.js';

const DROPS = 300;
const OUTSIDER = '__outside__';

interface Connection {
  status: number;
  blocks: SseBlock[];
}

/**
 * One connection: its status and every complete block it carried, read to the end of the response
 * (or the reset), or until the `done` comment of a kept stream.
 */
async function connect(url: string, headers: Record<string, string>): Promise<Connection> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
  if (response.status !== 200) {
    await response.body?.cancel();
    return { status: response.status, blocks: [] };
  }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const blocks: SseBlock[] = [];
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const parsed = parseBlocks(buffer + value);
      buffer = parsed.rest;
      blocks.push(...parsed.blocks);
      if (blocks.some((b) => b.comments.includes('done'))) break;
    }
  } catch {
    // A reset socket: the complete blocks read so far count, the half frame does not.
  }
  controller.abort();
  await reader.cancel().catch(() => {});
  return { status: 200, blocks };
}

const streamUrl = (orgIds: string[]) => `/__stress/events?${orgIds.map((o) => `orgId=${o}`).join('&')}`;

interface LogEntry {
  id: number;
  orgId: string;
}

describe('multi-org stream of the stress server (real local HTTP server)', function () {
  this.timeout(300_000);

  it(`${DROPS} drops, refusals and a growing org set: every event of the asked-for orgs exactly once, in order`, async () => {
    const session = `multi-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const base = { 'x-stress-session': session, 'x-stress-drops': String(DROPS) };
    const received: { id: number; orgId: string; payloadId: string }[] = [];
    let lastId: string | undefined;
    let refusals = 0;
    let first = true;
    for (let attempt = 0; attempt < DROPS * 3; attempt++) {
      // c joins halfway, as when a page adds an org: the client reconnects with the id it has.
      const orgIds = received.length < DROPS * 1.5 ? ['m-a', 'm-b'] : ['m-a', 'm-b', 'm-c'];
      const headers: Record<string, string> =
        lastId === undefined ? base : { ...base, 'last-event-id': lastId };
      const { status, blocks } = await connect(streamUrl(orgIds), headers);
      if (status === 503) {
        refusals += 1;
        continue;
      }
      expect(status, `connection ${attempt}`).to.equal(200);
      // A reset socket may lose every byte before the client reads them: then there is nothing to check.
      if (blocks.length > 0) expect(blocks[0].comments, 'a comment first').to.deep.equal(['connected']);
      if (first)
        expect(blocks[1], 'the resume point of a client without one').to.deep.equal({
          id: '0',
          comments: [],
        });
      first = false;
      for (const block of blocks) {
        if (block.id !== undefined) lastId = block.id;
        if (block.data === undefined) continue;
        const wrapped = JSON.parse(block.data) as { orgId: string; data: { id: string } };
        expect(block.event).to.equal('activity');
        received.push({ id: Number(block.id), orgId: wrapped.orgId, payloadId: wrapped.data.id });
      }
      if (blocks.some((b) => b.comments.includes('done'))) break;
    }
    const report = (await (await fetch(`/__stress/report?session=${session}&end`)).json()) as {
      dropped: number;
      log: LogEntry[];
      outcomes: string[];
    };
    expect(report.dropped).to.equal(DROPS);
    expect(report.outcomes.filter((o) => o === 'refused').length).to.equal(refusals);
    expect(refusals, 'runs of 503 came').to.be.greaterThan(0);
    const expected = report.log.filter((e) => e.orgId !== OUTSIDER);
    expect(
      received.some((r) => r.orgId === OUTSIDER),
      'nothing of an org not asked for',
    ).to.equal(false);
    expect(
      received.map((r) => r.id).join() === expected.map((e) => e.id).join(),
      'each once, in id order',
    ).to.equal(true);
    expect(received.every((r, i) => r.orgId === expected[i].orgId && r.payloadId === String(r.id))).to.equal(
      true,
    );
    expect(new Set(received.map((r) => r.orgId))).to.deep.equal(new Set(['m-a', 'm-b', 'm-c']));
    console.log(
      `multi-org stress: ${report.outcomes.length} connections, ${DROPS} drops, ${refusals} refusals, ` +
        `${received.length} events received of ${report.log.length} logged`,
    );
  });

  it("serves an org's per-org stream of the same log, live events to kept streams, and 400/404 as asked", async () => {
    const session = `multi-kept-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const base = { 'x-stress-session': session, 'x-stress-drops': '1' };
    // The per-org stream of the session: bare payloads of its org, from the shared sequence.
    const perOrg = await connect('/__stress/organizations/m-a/events', base);
    const frames = perOrg.blocks.filter((b) => b.data !== undefined);
    expect(frames.map((b) => b.id)).to.deep.equal(['1', '3', '4']); // 2 went to the outsider
    expect(JSON.parse(frames[0].data!)).to.include({ id: '1' });
    // The multi-org stream resumes from it; the session has dropped once, so this one stays.
    const controller = new AbortController();
    const response = await fetch(streamUrl(['m-a', 'm-b']), {
      headers: { ...base, 'last-event-id': '4' },
      signal: controller.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const blocks: SseBlock[] = [];
    let buffer = '';
    const until = async (done: () => boolean) => {
      while (!done()) {
        const { value, done: ended } = await reader.read();
        if (ended) throw new Error('the kept stream ended');
        const parsed = parseBlocks(buffer + value);
        buffer = parsed.rest;
        blocks.push(...parsed.blocks);
      }
    };
    await until(() => blocks.some((b) => b.comments.includes('done')));
    // The event "while away" (5) came; 6 was the outsider's.
    expect(blocks.filter((b) => b.data).map((b) => b.id)).to.deep.equal(['5']);
    const emit = async (orgId: string) =>
      ((await (await fetch(`/__stress/emit?session=${session}&orgId=${orgId}`)).json()) as { id: string }).id;
    await emit(OUTSIDER);
    const b = await emit('m-b');
    await until(() => blocks.some((block) => block.id === b));
    const live = blocks.filter((block) => block.data).slice(1);
    expect(live.map((block) => block.id)).to.deep.equal([b]);
    expect(JSON.parse(live[0].data!)).to.deep.include({ orgId: 'm-b' });
    controller.abort();
    await reader.cancel().catch(() => {});
    await fetch(`/__stress/report?session=${session}&end`);

    expect(
      (await fetch(streamUrl(['m-a']), { headers: { ...base, 'x-stress-multi': 'off' } })).status,
    ).to.equal(404);
    expect((await fetch(streamUrl(['m-a']))).status, 'no session').to.equal(400);
    expect((await fetch('/__stress/events', { headers: base })).status, 'no orgId').to.equal(400);
  });
});
