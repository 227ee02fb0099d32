// Benchmark 2 (library side): live updates applied to a settled dashboard.
// `?case=workspaces`: 100 workspaces snapshots; `?case=activity`: 100 new activities.
import '../../src/define.js';
import type { Activity } from '../../src/contract/types.js';
import { waitForGo } from './profile.js';
import { benchAdapter, cardsOf, EN_US_UTC, mountDashboard, ORG_ID, report, settled } from './common.js';

const ROUNDS = 100;

const adapter = benchAdapter();
const dashboard = mountDashboard(adapter, EN_US_UTC);
await settled(dashboard);
// `?profile`: waits for `benchGo()`, so a CPU profile (scripts/bench/cpu-profile.mjs --go) holds the updates only.
if (new URLSearchParams(location.search).has('profile')) await waitForGo();
const [, workspaces, , , feed] = cardsOf(dashboard);
const which = new URLSearchParams(location.search).get('case') ?? 'workspaces';

// One live event per animation frame, as a real connection delivers them; what is measured is the
// work from the event to the updated DOM, summed over the rounds (the frame waits are not).
let busy = 0;
for (let round = 1; round <= ROUNDS; round += 1) {
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t0 = performance.now();
  if (which === 'workspaces') {
    const active = 90 + (round % 7);
    adapter.emit(ORG_ID, {
      topic: 'workspaces',
      data: { total: 128, active, suspended: 20, others: 108 - active },
    });
    await workspaces.updateComplete;
  } else {
    const activity: Activity = {
      id: `bench-${round}`,
      resourceType: 'Workspaces',
      action: 'Create',
      occurredAt: new Date(Date.parse('2026-11-20T12:00:00Z') + round * 1000).toISOString(),
      actor: { name: 'Bench Runner' },
      resourceName: `ws-${round}`,
    };
    adapter.emit(ORG_ID, { topic: 'activity', data: activity });
    await feed.updateComplete;
  }
  busy += performance.now() - t0;
}
report(`update-${which}`, { duration: busy });
