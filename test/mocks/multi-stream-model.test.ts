/**
 * The mock API's multi-org stream held to a reference, with fast-check: a
 * client asks `GET /events` for a random set of orgs (some the viewer may
 * not fully read, one that does not exist) while events go to random orgs,
 * the server drops streams (of an org, or all), and the client goes away and
 * comes back with `Last-Event-ID`. Over the whole run the client gets every
 * event of its orgs that its viewer may read exactly once, in id order, with
 * its org and payload, and nothing else.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { setupWorker } from 'msw/browser';
import { READ_PERMISSION } from '../../src/contract/access.js';
import type { DashboardEvent } from '../../src/contract/types.js';
import {
  ACME_ORG_ID,
  GLOBEX_ORG_ID,
  INITECH_ORG_ID,
  SAKURA_ORG_ID,
  createActivity,
  createDataset,
  createHandlers,
  type FixtureOrgId,
  type MockApi,
} from '../../src/msw.js';
import { eventsOf, openSse, type SseReader } from './sse-reader.js';

const NOW = '2025-06-15T12:00:00.000Z';
/** Initech's viewer is a member: no `billing:read`. */
const ORGS: FixtureOrgId[] = [ACME_ORG_ID, GLOBEX_ORG_ID, INITECH_ORG_ID, SAKURA_ORG_ID];
const UNKNOWN = 'org_nope';
const TOPICS = ['activity', 'billing', 'plan', 'workspaces'] as const;

type Command =
  | { kind: 'emit'; org: FixtureOrgId; topic: (typeof TOPICS)[number]; n: number }
  | { kind: 'drop'; org: FixtureOrgId }
  | { kind: 'dropAll' }
  | { kind: 'leave' }
  | { kind: 'return' };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('emit' as const),
      org: fc.constantFrom(...ORGS),
      topic: fc.constantFrom(...TOPICS),
      n: fc.nat(50),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), org: fc.constantFrom(...ORGS) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'dropAll' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'leave' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'return' as const }) },
);

function payload(api: MockApi, org: FixtureOrgId, topic: (typeof TOPICS)[number], n: number): DashboardEvent {
  switch (topic) {
    case 'activity':
      return { topic, data: createActivity(org, { at: NOW, sequence: 5000 + n }) };
    case 'workspaces':
      return { topic, data: { total: n, active: n, suspended: 0, others: 0 } };
    case 'billing':
      return { topic, data: api.data[org].billing };
    case 'plan':
      return { topic, data: api.data[org].plan };
  }
}

interface Seen {
  id: string;
  event: string;
  body: string;
}

const worker = setupWorker();

describe('mocks: the multi-org stream against a reference (fast-check)', function () {
  // Each run is a few dozen requests through the service worker; the room is for a busy machine.
  this.timeout(600_000);
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  after(() => worker.stop());

  it('every readable event of the requested orgs arrives exactly once, in id order, through drops and resumes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...ORGS, UNKNOWN], { minLength: 1 }),
        fc.array(command, { maxLength: 40 }),
        fc.nat(3),
        async (wanted, commands, earlier) => {
          const api = createHandlers({ data: createDataset({ now: NOW }), eventBufferSize: 1000 });
          worker.resetHandlers(...api.handlers);
          const url = `/api/events?${wanted.map((id) => `orgId=${encodeURIComponent(id)}`).join('&')}`;
          const expected: Seen[] = [];
          const emit = (org: FixtureOrgId, event: DashboardEvent) => {
            const id = api.emit(org, event);
            const readable = api.data[org].access.permissions.includes(READ_PERMISSION[event.topic]);
            if (wanted.includes(org) && readable)
              expected.push({
                id,
                event: event.topic,
                body: JSON.stringify({ orgId: org, data: event.data }),
              });
          };
          // Events before the client came: not its business (it starts from the id-only block).
          for (let i = 0; i < earlier; i++) api.emit(ORGS[i], payload(api, ORGS[i], 'activity', i));
          const received: Seen[] = [];
          let reader: SseReader | undefined;
          let lastId: string | undefined;
          const finish = (r: SseReader) => {
            for (const b of eventsOf(r.blocks)) received.push({ id: b.id!, event: b.event!, body: b.data! });
            lastId = r.lastId ?? lastId;
            reader = undefined;
          };
          const connect = async () => {
            reader = await openSse(url, lastId === undefined ? {} : { 'last-event-id': lastId });
            expect(reader.response.status).to.equal(200);
            // The resume point comes first when the client has none.
            if (lastId === undefined) await reader.until((blocks) => blocks.some((b) => b.id !== undefined));
          };
          await connect();
          expect(lastId ?? reader!.lastId).to.equal(String(earlier));
          for (const step of commands) {
            if (step.kind === 'emit') emit(step.org, payload(api, step.org, step.topic, step.n));
            else if (step.kind === 'drop' || step.kind === 'dropAll') {
              api.disconnect(step.kind === 'drop' ? step.org : undefined);
              // Ended by the server only if it carried that org: read it to its end, then come back.
              if (reader && (step.kind === 'dropAll' || wanted.includes(step.org))) {
                const ended = reader;
                await ended.toEnd();
                finish(ended);
                await connect();
              }
            } else if (step.kind === 'leave' && reader) {
              // Whatever was sent but not read yet is lost with the connection; the replay brings it back.
              const left = reader;
              await left.abort();
              finish(left);
            } else if (step.kind === 'return' && !reader) await connect();
          }
          if (!reader) await connect();
          const last = reader!;
          api.disconnect();
          await last.toEnd();
          finish(last);
          expect(received.map((r) => r.id).join(), 'ids: each once, in order').to.equal(
            expected.map((e) => e.id).join(),
          );
          expect(received).to.deep.equal(expected);
        },
      ),
      { numRuns: 120 },
    );
  });
});
