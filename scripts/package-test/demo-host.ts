// A host app without MSW that wants demo data (issue #16): the fixtures, the memory adapter and the
// live simulation, all from `org-dashboard-elements/fixtures`. scripts/package-test/without-msw.mjs
// installs the packed package into a project without `msw`, type-checks this file there (the
// declarations must not name `msw` either), bundles it with nothing external and runs it in Chromium.
import {
  ACME_ORG_ID,
  createDataset,
  createMemoryAdapter,
  startSimulation,
  type DashboardDataset,
  type MemoryAdapter,
  type Simulation,
} from 'org-dashboard-elements/fixtures';
import type { OrgDashboard } from 'org-dashboard-elements';
import 'org-dashboard-elements/define';

const data: DashboardDataset = createDataset({ activitiesPerOrg: 20 });
const adapter: MemoryAdapter = createMemoryAdapter(data);

const dashboard: OrgDashboard = document.createElement('org-dashboard');
dashboard.adapter = adapter;
dashboard.orgId = ACME_ORG_ID;
document.body.append(dashboard);

declare global {
  interface Window {
    demo: { data: DashboardDataset; simulate(intervalMs: number): Simulation };
  }
}
// The simulation drives the memory adapter itself: no mocked backend in between.
window.demo = { data, simulate: (intervalMs) => startSimulation(adapter, () => ACME_ORG_ID, { intervalMs }) };
