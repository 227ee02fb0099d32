// Benchmark 1 (library side): first render of the whole dashboard from cached data.
import '../../src/define.js';
import { benchAdapter, EN_US_UTC, layOut, mountDashboard, report, settled } from './common.js';

const adapter = benchAdapter();
// Warm the store's source: the data is in memory, answered without delay.
const start = performance.now();
const dashboard = mountDashboard(adapter, EN_US_UTC);
await settled(dashboard);
layOut();
report('first-render', start);
