/**
 * The live demo: a plain HTML host page (no framework) that embeds
 * `<org-dashboard>` and the full `<activity-log>` (its own view, see views.ts)
 * in one provider, with MSW as the backend, an org switcher, a role switcher
 * and a simulation that changes the data every few seconds.
 */
import { setupWorker } from 'msw/browser';
import '../src/define.js';
import { createRestAdapter } from '../src/adapters/rest.js';
import type { DashboardLinks } from '../src/contract/links.js';
import type { ActivityLog } from '../src/elements/activity-log/activity-log.js';
import type { OrgDashboard } from '../src/elements/org-dashboard/org-dashboard.js';
import type { OrgDashboardProvider } from '../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { accessForRole, createDataset, FIXTURE_ORG_IDS, type FixtureRole } from '../src/mocks/fixtures.js';
import { createHandlers } from '../src/mocks/handlers.js';
import { startSimulation } from '../src/mocks/simulation.js';
import { activityUrl, routeViews } from './views.js';

const LINKS: DashboardLinks = {
  manageSubscription: '/organizations/{orgId}/settings/subscription',
  addCredits: '/organizations/{orgId}/billing/credits/new',
  invoices: '/organizations/{orgId}/billing/invoices',
  // A real link too: "open in new tab" on "Show more" opens the log's view.
  activityLog: activityUrl(),
};

/** Routed to pages this demo does not have: logged. "Show more" opens the log (views.ts). */
const ROUTED_EVENTS = ['od-manage-subscription', 'od-view-invoices'] as const;
/**
 * Logged only. `od-add-credits` is left uncanceled so the plan card buys credits in its own
 * dialog (the REST adapter has `purchaseCredits`); canceling it would keep the host's own flow.
 */
const LOGGED_EVENTS = [
  'od-copy-org-id',
  'od-add-credits',
  'od-credits-purchased',
  'od-low-credit-threshold-change',
  'od-credits-low',
  'od-error',
  'od-announcement-dismiss',
  'od-announcements-read',
  'od-export-csv',
] as const;

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const provider = $<OrgDashboardProvider>('#provider');
const dashboard = $<OrgDashboard>('#dashboard');
const activityLog = $<ActivityLog>('#activity-log');
const orgSelect = $<HTMLSelectElement>('#org');
const roleSelect = $<HTMLSelectElement>('#role');
const localeSelect = $<HTMLSelectElement>('#locale');
const liveButton = $<HTMLButtonElement>('#live');
const log = $<HTMLOListElement>('#log');

const data = createDataset();
const api = createHandlers({ data, baseUrl: '/api', delayMs: 250 });

function logLine(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild?.remove();
}

function setRole(role: FixtureRole): void {
  for (const orgId of Object.keys(data)) data[orgId].access = accessForRole(role);
  // A new adapter means a new store: access and data are loaded afresh for the new viewer.
  // The mocked server lives in this tab: another demo tab's mock must not answer for it.
  provider.adapter = createRestAdapter({ baseUrl: '/api', liveSharing: 'page' });
  // Each role is another viewer: the announcements they dismissed or read are remembered per user.
  dashboard.userId = `demo-${role}`;
}

function setLocale(locale: string): void {
  provider.locale = locale;
  for (const element of [dashboard, activityLog]) {
    element.setAttribute('dir', locale.startsWith('ar') ? 'rtl' : 'ltr');
    element.setAttribute('lang', locale);
  }
}

function fillOrgSelect(): void {
  for (const orgId of FIXTURE_ORG_IDS) {
    const option = document.createElement('option');
    option.value = orgId;
    option.textContent = data[orgId].organization.name;
    orgSelect.append(option);
  }
}

function listen(): void {
  for (const type of ROUTED_EVENTS) {
    dashboard.addEventListener(type, (event) => {
      // The host's router takes over: no page load, the link's URL is routed in place.
      event.preventDefault();
      logLine(`${type} → routed to ${event.detail.href ?? '(no URL configured)'}`);
    });
  }
  for (const type of LOGGED_EVENTS) {
    provider.addEventListener(type, (event) => {
      const detail = (event as CustomEvent).detail as Record<string, unknown>;
      const error = detail.error as { code?: string } | undefined;
      logLine(`${type} ${error ? `(${error.code})` : JSON.stringify(detail)}`);
    });
  }
}

async function main(): Promise<void> {
  await setupWorker(...api.handlers).start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  fillOrgSelect();
  listen();
  provider.links = LINKS;
  provider.orgId = orgSelect.value;
  setLocale(localeSelect.value);
  setRole(roleSelect.value as FixtureRole);
  routeViews({
    dashboardView: $('#dashboard-view'),
    activityView: $('#activity-view'),
    log: activityLog,
    backLink: $('#back'),
  });

  const simulation = startSimulation(api, () => provider.orgId ?? FIXTURE_ORG_IDS[0]);
  orgSelect.addEventListener('change', () => (provider.orgId = orgSelect.value));
  roleSelect.addEventListener('change', () => setRole(roleSelect.value as FixtureRole));
  localeSelect.addEventListener('change', () => setLocale(localeSelect.value));
  liveButton.addEventListener('click', () => {
    const running = simulation.toggle();
    liveButton.setAttribute('aria-pressed', String(running));
    liveButton.textContent = running ? 'Pause live updates' : 'Resume live updates';
  });
}

void main();
