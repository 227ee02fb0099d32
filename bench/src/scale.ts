// Scaling, first render: `?n=N` `<plan-card>`s of N different orgs on one page (each org its own
// store and requests on one memory adapter). Reports the time from appending the cards to all of
// them rendered and the page laid out.
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardDataset } from '../../src/adapters/dataset.js';
import { ACME_ORG_ID, createDataset } from '../../src/mocks/fixtures.js';
import { layOut, NOW, nextTask, report } from './common.js';

type Card = HTMLElement & { state?: string; updateComplete?: Promise<unknown>; adapter?: unknown };

const n = Number(new URLSearchParams(location.search).get('n') ?? 1);
const acme = createDataset({ now: NOW, activitiesPerOrg: 60, orgs: [ACME_ORG_ID] })[ACME_ORG_ID];
const dataset: DashboardDataset = {};
// The same facts under N org ids: every card has its own org, store and requests.
for (let i = 0; i < n; i += 1) dataset[`org_bench_${i}`] = { ...acme, activities: acme.activities };
const adapter = createMemoryAdapter(dataset);

const start = performance.now();
const cards: Card[] = [];
for (let i = 0; i < n; i += 1) {
  const card = document.createElement('plan-card') as Card;
  card.setAttribute('org-id', `org_bench_${i}`);
  card.setAttribute('locale', 'en-US');
  card.setAttribute('time-zone', 'UTC');
  card.adapter = adapter;
  cards.push(card);
}
document.body.append(...cards);
while (!cards.every((card) => card.state && card.state !== 'loading')) await nextTask();
await Promise.all(cards.map((card) => card.updateComplete));
layOut();
report('scale', start);
