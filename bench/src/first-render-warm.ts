// Benchmark 1, first use apart (library side): a second dashboard's first render in a page that has
// already rendered one and removed it, so its code has run, Lit has prepared its templates and
// `Intl` has loaded its data. Against first-render-handmade-warm.ts, it tells what of the first
// render's gap is first use and what every render pays.
import '../../src/define.js';
import {
  benchAdapter,
  EN_US_UTC,
  layOut,
  modulesEvaluated,
  mountDashboard,
  report,
  settled,
  warmedUp,
} from './common.js';

await modulesEvaluated();
const first = mountDashboard(benchAdapter(), EN_US_UTC);
await settled(first);
layOut();
await warmedUp(() => first.remove());
// A new adapter: the second dashboard has a store of its own and asks for its data again.
const adapter = benchAdapter();
const start = performance.now();
const dashboard = mountDashboard(adapter, EN_US_UTC);
await settled(dashboard);
layOut();
report('first-render', start);
