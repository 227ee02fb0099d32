// Benchmark 2 (library side): live updates applied to a settled dashboard.
// `?case=workspaces`: 100 workspaces snapshots; `?case=activity`: 100 new activities; `?case=unchanged`:
// 100 updates of the feed that change nothing (`requestUpdate()`), the fixed cost every update pays.
import '../../src/define.js';
import { waitForGo } from './profile.js';
import {
  benchAdapter,
  cardsOf,
  EN_US_UTC,
  exposeDom,
  mountDashboard,
  ORG_ID,
  report,
  settled,
  updateRound,
} from './common.js';

const ROUNDS = 100;

const adapter = benchAdapter();
const dashboard = mountDashboard(adapter, EN_US_UTC);
await settled(dashboard);
// `?profile`: waits for `benchGo()`, so a CPU profile (scripts/bench/cpu-profile.mjs --go) holds the updates only.
if (new URLSearchParams(location.search).has('profile')) await waitForGo();
const [, workspaces, , , feed] = cardsOf(dashboard);
const asked = new URLSearchParams(location.search).get('case');
const which = asked === 'activity' || asked === 'unchanged' ? asked : 'workspaces';
const card = which === 'workspaces' ? workspaces : feed;

// One live event per animation frame, as a real connection delivers them; what is measured is the
// work from the event to the updated DOM, summed over the rounds (the frame waits are not).
let busy = 0;
for (let round = 1; round <= ROUNDS; round += 1) {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t0 = performance.now();
  if (which === 'workspaces')
    adapter.emit(ORG_ID, { topic: 'workspaces', data: updateRound.workspaces(round) });
  else if (which === 'activity')
    adapter.emit(ORG_ID, { topic: 'activity', data: updateRound.activity(round) });
  else (card as typeof card & { requestUpdate(): void }).requestUpdate();
  await card.updateComplete;
  busy += performance.now() - t0;
}
report(`update-${which}`, { duration: busy });
// What the updates left on screen, for the check that the baseline's changes make the same DOM.
exposeDom(card.shadowRoot!.querySelector('[part~="body"]')!);
