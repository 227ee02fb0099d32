// Benchmark 3: 1,000 live events within one second. Counts each card's renders
// per animation frame and records long tasks.
import '../../src/define.js';
import type { DashboardEvent } from '../../src/contract/types.js';
import { benchAdapter, cardsOf, mountDashboard, ORG_ID, settled } from './common.js';

const EVENTS = 1000;
const adapter = benchAdapter();
const dashboard = mountDashboard(adapter);
await settled(dashboard);

// A frame is identified by the document timeline's time, which every rAF callback of one frame and
// every task until the next frame share (a counter bumped by our own rAF callback would depend on
// the order the callbacks were registered in).
const frameOf = () => Number(document.timeline.currentTime ?? 0);
const framesSeen = new Set<number>();

const renders = new Map<string, Map<number, number>>();
for (const card of cardsOf(dashboard)) {
  const perFrame = new Map<number, number>();
  renders.set(card.localName, perFrame);
  const instance = card as unknown as { update(changed: unknown): void };
  const update = instance.update.bind(instance);
  instance.update = (changed) => {
    const frame = frameOf();
    framesSeen.add(frame);
    perFrame.set(frame, (perFrame.get(frame) ?? 0) + 1);
    update(changed);
  };
}

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: false });

/**
 * Layout shifts while the burst lands (none follows user input here): the feed's new rows push the
 * rows below them down, and the host page's Cumulative Layout Shift counts every such move. All fall
 * in one of its session windows (under 5 s, no gap of 1 s), so their sum is what the burst adds to it.
 */
let layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
    if (!entry.hadRecentInput) layoutShift += entry.value;
}).observe({ type: 'layout-shift', buffered: false });

function eventAt(i: number): DashboardEvent {
  switch (i % 4) {
    case 0:
      return {
        topic: 'workspaces',
        data: { total: 200, active: 100 + (i % 50), suspended: 50, others: 50 - (i % 50) },
      };
    case 1:
      return {
        topic: 'activity',
        data: {
          id: `burst-${i}`,
          resourceType: 'Workspaces',
          action: 'Update',
          occurredAt: new Date(Date.now() + i).toISOString(),
        },
      };
    case 2:
      return {
        topic: 'plan',
        data: { name: 'Enterprise', availableCredits: { amountMinor: 5_000_000 - i * 100, currency: 'USD' } },
      };
    default:
      return {
        topic: 'billing',
        data: {
          currentMonthTotal: { amountMinor: 10_000_000 + i * 100, currency: 'USD' },
          lastMonthTotal: { amountMinor: 9_000_000, currency: 'USD' },
          nextInvoiceDate: '2026-12-01',
        },
      };
  }
}

const started = performance.now();
await new Promise<void>((resolve) => {
  let sent = 0;
  // Spread over one second: one timer per millisecond slot, several events per slot when timers bunch up.
  const timer = setInterval(() => {
    const due = Math.min(EVENTS, Math.ceil(((performance.now() - started) / 1000) * EVENTS));
    while (sent < due) adapter.emit(ORG_ID, eventAt(sent++));
    if (sent >= EVENTS) {
      clearInterval(timer);
      resolve();
    }
  }, 1);
});
const elapsed = performance.now() - started;
const frames = Math.round(elapsed / 16.7);
await new Promise((resolve) => setTimeout(resolve, 200));

const result = {
  events: EVENTS,
  elapsedMs: Math.round(elapsed),
  frames,
  framesWithRenders: framesSeen.size,
  cards: Object.fromEntries(
    [...renders].map(([name, perFrame]) => [
      name,
      {
        renders: [...perFrame.values()].reduce((a, b) => a + b, 0),
        maxPerFrame: Math.max(0, ...perFrame.values()),
      },
    ]),
  ),
  longTasks: longTasks.length,
  longestTaskMs: Math.round(Math.max(0, ...longTasks)),
  layoutShift,
};
Object.assign(window, { benchResult: result, benchDone: true });
