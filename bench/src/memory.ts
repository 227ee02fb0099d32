// Benchmark 5: 1,000 mount and unmount cycles of the whole dashboard. The
// Node side forces garbage collection and reads the heap before and after.
import '../../src/define.js';
import { benchAdapter, mountDashboard, settled } from './common.js';

const adapter = benchAdapter();
let intervals = 0;
const realSetInterval = window.setInterval.bind(window);
const realClearInterval = window.clearInterval.bind(window);
const open = new Set<number>();
window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = realSetInterval(handler, ms, ...args);
  open.add(id);
  intervals += 1;
  return id;
}) as typeof setInterval;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) open.delete(id);
  realClearInterval(id);
}) as typeof clearInterval;

async function cycle(): Promise<void> {
  const dashboard = mountDashboard(adapter);
  await settled(dashboard);
  dashboard.remove();
  // Stores are disposed a microtask after the last element lets go.
  await Promise.resolve();
}

async function run(times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await cycle();
}

Object.assign(window, {
  run,
  leaks: () => ({
    subscriptions: adapter.subscriberCount,
    openIntervals: open.size,
    intervalsCreated: intervals,
  }),
  benchReady: true,
});
