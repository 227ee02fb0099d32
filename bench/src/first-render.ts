// Benchmark 1 (library side): first render of the whole dashboard from cached data.
// `?profile`: waits for `benchGo()` (the Node side starts its CPU profile first) and times each card's renders.
import '../../src/define.js';
import {
  benchAdapter,
  EN_US_UTC,
  exposeDom,
  layOut,
  modulesEvaluated,
  mountDashboard,
  report,
  settled,
} from './common.js';
import { profileCards, waitForGo } from './profile.js';

const profiling = new URLSearchParams(location.search).has('profile');
const adapter = benchAdapter();
if (profiling) {
  profileCards();
  await waitForGo();
}
await modulesEvaluated();
/**
 * `?marker` (scripts/bench/cpu-profile.mjs --tasks): 3 ms in a function of this name, at the page's clock
 * `benchMarkerAt`, so the profile's samples can be matched with the Long Tasks API's entries.
 */
function benchProfileMarker(): void {
  const at = performance.now();
  Object.assign(window, { benchMarkerAt: at });
  while (performance.now() - at < 3);
}
if (new URLSearchParams(location.search).has('marker')) benchProfileMarker();
// The data is in memory, answered without delay.
const start = performance.now();
const dashboard = mountDashboard(adapter, EN_US_UTC);
await settled(dashboard);
const beforeLayout = performance.now();
layOut();
report('first-render', start);
if (profiling) Object.assign(window, { benchLayoutMs: performance.now() - beforeLayout });
exposeDom(dashboard);
