// Benchmark 2 (library side): live updates applied to a settled dashboard.
// `?case=workspaces`: 100 workspaces snapshots; `?case=activity`: 100 new activities; `?case=unchanged`:
// 100 updates of the feed that change nothing (`requestUpdate()`), the fixed cost every update pays.
// The dashboard runs on the REST adapter, and each event reaches it as a server's bytes on its live
// stream (bench/src/wire.ts), as the baseline's do.
import '../../src/define.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import { waitForGo } from './profile.js';
import {
  benchDataset,
  cardsOf,
  EN_US_UTC,
  exposeDom,
  mountDashboard,
  report,
  settled,
  updateRound,
} from './common.js';
import { eventBytes, restOverWire, Wire } from './wire.js';

const ROUNDS = 100;

const wire = new Wire();
const server = restOverWire(benchDataset(), wire);
const dashboard = mountDashboard(createRestAdapter({ baseUrl: '/api', fetch: server.fetch }), EN_US_UTC);
await settled(dashboard);
await server.opened;
// The stream's open may ask the cards to fetch what they could have missed: let that settle too.
for (let frame = 0; frame < 5; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
await settled(dashboard);
// `?profile`: waits for `benchGo()`, so a CPU profile (scripts/bench/cpu-profile.mjs --go) holds the updates only.
if (new URLSearchParams(location.search).has('profile')) await waitForGo();
const [, workspaces, , , feed] = cardsOf(dashboard);
const asked = new URLSearchParams(location.search).get('case');
const which = asked === 'activity' || asked === 'unchanged' ? asked : 'workspaces';
const card = which === 'workspaces' ? workspaces : feed;
const root = card.shadowRoot!;
// What shows a round's event, found once (the card keeps these nodes across its updates): the check
// runs inside the library's clock, so it reads one attribute or one text, never searches the card.
const list = root.querySelector('[part~="list"]');
const activeCount = root.querySelectorAll('[part~="value"]')[1];
const showsRound = (round: number) =>
  which === 'activity'
    ? list?.firstElementChild?.getAttribute('data-id') === updateRound.activity(round).id
    : activeCount?.textContent?.trim() === String(updateRound.workspaces(round).active);

// A round ends with the card's update that shows its event. The event reaches the card through
// promises (the stream's read, the adapter's), not within `send`, so the bench cannot wait for
// `updateComplete` at once: the card's `updated` step, the last of an update, is wrapped to tell
// when the change has landed.
let landed: (() => void) | undefined;
const ownUpdated = (card as unknown as { updated(changed: unknown): void }).updated;
Object.assign(card, {
  updated(this: typeof card, changed: unknown) {
    ownUpdated.call(this, changed);
    landed?.();
  },
});

// One live event per animation frame, as a real connection delivers them; what is measured is the
// work from the event's bytes to the updated DOM, summed over the rounds (the frame waits are not).
let busy = 0;
for (let round = 1; round <= ROUNDS; round += 1) {
  const bytes =
    which === 'activity'
      ? eventBytes({ topic: 'activity', data: updateRound.activity(round) })
      : eventBytes({ topic: 'workspaces', data: updateRound.workspaces(round) });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t0 = performance.now();
  if (which === 'unchanged') (card as typeof card & { requestUpdate(): void }).requestUpdate();
  else {
    const seen = new Promise<void>(
      (resolve) =>
        (landed = () => {
          if (!showsRound(round)) return;
          landed = undefined;
          resolve();
        }),
    );
    wire.send(bytes);
    await seen;
  }
  await card.updateComplete;
  busy += performance.now() - t0;
}
report(`update-${which}`, { duration: busy });
// What the updates left on screen, for the check that the baseline's changes make the same DOM.
exposeDom(root.querySelector('[part~="body"]')!);
