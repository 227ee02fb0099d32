/** Shared by the benchmark pages: a fixed dataset and a way to wait for the dashboard to settle. */
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardDataset } from '../../src/adapters/dataset.js';
import type { Activity, DashboardAdapter, WorkspaceStats } from '../../src/contract/types.js';
import type { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import { ACME_ORG_ID, createDataset } from '../../src/mocks/fixtures.js';
import { snapshot } from './vanilla.js';

export const ORG_ID = ACME_ORG_ID;
export const NOW = '2026-11-20T12:00:00Z';

/** The bench org's data: one org, 60 activities. */
export function benchDataset(): DashboardDataset {
  const dataset = createDataset({ now: NOW, activitiesPerOrg: 60, orgs: [ACME_ORG_ID] });
  // The fixtures generate their activities when first read: generated here, before any clock starts,
  // the pages time the library answering from data it has, as the baselines parse recorded answers.
  void dataset[ACME_ORG_ID]!.activities;
  return dataset;
}

export function benchAdapter(): MemoryAdapter {
  return createMemoryAdapter(benchDataset());
}

/** The updates benchmark's live data of round `round` (from 1), the same for the library and its baseline. */
export const updateRound = {
  workspaces(round: number): WorkspaceStats {
    const active = 90 + (round % 7);
    return { total: 128, active, suspended: 20, others: 108 - active };
  },
  activity(round: number): Activity {
    return {
      id: `bench-${round}`,
      resourceType: 'Workspaces',
      action: 'Create',
      occurredAt: new Date(Date.parse(NOW) + round * 1000).toISOString(),
      actor: { name: 'Bench Runner' },
      resourceName: `ws-${round}`,
    };
  },
};

/** The locale and time zone of the timed pages, so that the library and its snapshot baseline show the same text. */
export const EN_US_UTC = { locale: 'en-US', 'time-zone': 'UTC' };

/**
 * Appends an `<org-dashboard>` for the bench org on `adapter`, with `attributes` besides its org-id.
 * The page defines the tags (src/define.js): the vanilla pages import this module too.
 */
export function mountDashboard(
  adapter: DashboardAdapter,
  attributes: Record<string, string> = {},
): OrgDashboard {
  const dashboard = document.createElement('org-dashboard') as OrgDashboard;
  dashboard.setAttribute('org-id', ORG_ID);
  for (const [name, value] of Object.entries(attributes)) dashboard.setAttribute(name, value);
  dashboard.adapter = adapter;
  document.body.append(dashboard);
  return dashboard;
}

/** Yields to the event loop without setTimeout's clamping. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Ends the task that evaluated the page's modules, so the first render starts in a task of its own
 * and the long-task probe can tell loading the code from rendering (every first-render page calls it
 * before its clock starts).
 */
export async function modulesEvaluated(): Promise<void> {
  await nextTask();
  // The code-run probe (scripts/bench/probes.mjs, `codeRun`) resets its coverage here.
  const hook = (window as { benchRenderStarts?: () => Promise<void> }).benchRenderStarts;
  if (hook) {
    await hook();
    await nextTask();
  }
}

type Card = HTMLElement & { state?: string; updateComplete?: Promise<unknown> };

export function cardsOf(dashboard: Element): Card[] {
  return [...(dashboard.shadowRoot?.querySelectorAll<Card>('[part~="grid"] > *') ?? [])];
}

/** Resolves once every card has left the loading state and finished rendering. */
export async function settled(dashboard: Element): Promise<void> {
  for (;;) {
    const cards = cardsOf(dashboard);
    if (cards.length === 6 && cards.every((card) => card.state && card.state !== 'loading')) {
      await Promise.all(cards.map((card) => card.updateComplete));
      return;
    }
    await nextTask();
  }
}

/**
 * Lays the page out now. A first render is on screen only once styles are
 * resolved and boxes laid out, and the two sides must not differ in whether
 * that work falls inside the measurement: the baseline builds its DOM in one
 * task (layout would come after the mark), the library over several (frames
 * in between lay out part of it inside the measurement).
 */
export function layOut(): void {
  document.body.getBoundingClientRect();
}

/**
 * Removes what `remove` takes off the page once the page has drawn it and is idle again (two frames,
 * then a pause in which the work a render leaves for later, timers and collection, can run), and
 * resolves in a fresh task after the removal is laid out: a second render then starts as the first
 * did, in a task of its own, with only what the first one left behind (code run, templates, caches).
 */
export async function warmedUp(remove: () => void): Promise<void> {
  for (let frame = 0; frame < 2; frame += 1) await new Promise(requestAnimationFrame);
  await new Promise((resolve) => setTimeout(resolve, 200));
  remove();
  layOut();
  await nextTask();
}

/**
 * Marks a finished measurement for tachometer (`measurement: performance`):
 * from `start` to now, or, for a summed duration, `{ duration }`.
 */
export function report(name: string, startOrDuration: number | { duration: number }): void {
  if (typeof startOrDuration === 'number')
    performance.measure(name, { start: startOrDuration, end: performance.now() });
  else performance.measure(name, { start: 0, duration: startOrDuration.duration });
  (window as unknown as { benchDone?: boolean }).benchDone = true;
}

/** Lets the Node side read what a page rendered (`window.benchDom()`), to check both sides built the same DOM. */
export function exposeDom(element: Node): void {
  Object.assign(window, { benchDom: () => snapshot(element) });
}
