// A host's TypeScript file, type-checked by scripts/test-package.mjs against the packed and installed
// package, once with `moduleResolution: bundler` and once with `node16`. It lives outside the
// folders tsconfig.json checks: it needs the built, installed package.
import {
  createMemoryAdapter,
  OrgDashboard,
  type ActionDetail,
  type DashboardAdapter,
  type DashboardDataset,
} from 'org-dashboard-elements';
import 'org-dashboard-elements/define';
import { PlanCard } from 'org-dashboard-elements/plan-card';
import 'org-dashboard-elements/define/plan-card';
import { BillingCard as BillingCardFromBundle } from 'org-dashboard-elements/bundle';
import { createHandlers } from 'org-dashboard-elements/msw';
import {
  ActivityLog as ActivityLogComponent,
  OrgDashboard as OrgDashboardComponent,
  PlanCard as PlanCardComponent,
} from 'org-dashboard-elements/react';
import type { CustomElements } from 'org-dashboard-elements/jsx';
import type {} from 'org-dashboard-elements/vue';
import type { GlobalComponents } from 'vue';
import { createElement } from 'react';

const adapter: DashboardAdapter = createMemoryAdapter({} satisfies DashboardDataset);

// Tags and events are typed in HTMLElementTagNameMap and HTMLElementEventMap.
const dashboard: OrgDashboard = document.createElement('org-dashboard');
dashboard.adapter = adapter;
dashboard.orgId = 'org-1';
dashboard.addEventListener('od-view-invoices', (event) => {
  const detail: ActionDetail = event.detail;
  if (detail.href) event.preventDefault();
});
// `threshold` is null when only the runway is short (plans that send `usage`), `runwayDays` without usage.
dashboard.addEventListener(
  'od-credits-low',
  (event) => event.detail.threshold?.amountMinor ?? event.detail.runwayDays,
);
const plan: PlanCard | null = document.querySelector('plan-card');
const billing: typeof BillingCardFromBundle = customElements.get(
  'billing-card',
) as typeof BillingCardFromBundle;

// React wrappers: typed properties and event props.
const element = createElement(OrgDashboardComponent, {
  orgId: 'org-1',
  adapter,
  onViewInvoices: (event) => event.detail.orgId,
  onCreditsLow: (event) => event.detail.availableCredits.currency,
});
const log = createElement(ActivityLogComponent, {
  orgId: 'org-1',
  adapter,
  onExportCsv: (event) => event.detail.filter.query,
  onActivityLogFilterChange: (event) => event.detail.filter.resourceType,
});

// Only what a host can set is a prop. React, Vue and Preact set a prop the element has as a
// property: a read-only one (`state`, a getter) threw a TypeError at render, and a method was replaced.
const planProps = [
  // @ts-expect-error `state` is read-only.
  createElement(PlanCardComponent, { orgId: 'org-1', state: 'ready' }),
  // @ts-expect-error a method is not a prop.
  createElement(PlanCardComponent, { orgId: 'org-1', requestUpdate: () => undefined }),
  createElement(PlanCardComponent, {
    orgId: 'org-1',
    lowRunwayDays: 3,
    onCreditsLow: (event) => event.detail,
  }),
];

// JSX types for React 19, from the manifest.
const jsxProps: CustomElements['org-dashboard'] = {
  'org-id': 'org-1',
  'onod-view-invoices': (event) => event.detail.href,
};
const jsxLog: CustomElements['activity-log'] = {
  query: 'invoice',
  // @ts-expect-error `exporting` is read-only.
  exporting: true,
};

// Vue's GlobalComponents, from the manifest.
type VueDashboard = GlobalComponents['org-dashboard'];
const vueDashboard: VueDashboard | undefined = undefined;
const vuePlan: InstanceType<GlobalComponents['plan-card']>['$props'] = {
  orgId: 'org-1',
  // @ts-expect-error `state` is read-only.
  state: 'ready',
};

export { billing, createHandlers, element, jsxLog, jsxProps, log, plan, planProps, vueDashboard, vuePlan };
