// Benchmark 1 (library side): first render of the whole dashboard from cached data.
import '../../src/define.js';
import { benchAdapter, layOut, ORG_ID, report, settled } from './common.js';

const adapter = benchAdapter();
// Warm the store's source: the data is in memory, answered without delay.
const start = performance.now();
const dashboard = document.createElement('org-dashboard');
dashboard.setAttribute('org-id', ORG_ID);
dashboard.setAttribute('locale', 'en-US');
dashboard.setAttribute('time-zone', 'UTC');
dashboard.adapter = adapter;
document.body.append(dashboard);
await settled(dashboard);
layOut();
report('first-render', start);
