import type { DashboardDataset, OrgDataset } from '../../src/adapters/dataset.js';
import { PERMISSIONS } from '../../src/contract/access.js';
import type { Announcement, DashboardAdapter, Permission } from '../../src/contract/types.js';

export const ALL_PERMISSIONS: Permission[] = [...PERMISSIONS];

/** Every adapter method that reads one kind of data for an organization (all but `subscribe`). */
export const READ_METHODS = [
  'getOrganization',
  'getAccess',
  'getWorkspaceStats',
  'getBilling',
  'getPlan',
  'listActivities',
  'listAnnouncements',
] as const satisfies readonly (keyof DashboardAdapter)[];

/** A small hand-written org, so tests read their expectations off the page. */
export function orgDataset(id: string, name = `Org ${id}`): OrgDataset {
  return {
    organization: {
      id,
      name,
      owner: { name: 'Ada Lovelace', email: 'ada@example.com' },
      createdAt: '2023-03-14T09:26:53Z',
      teamSize: 1234,
    },
    access: { permissions: [...ALL_PERMISSIONS], role: 'owner' },
    workspaces: { total: 10, active: 6, suspended: 2, others: 2, othersByState: { creating: 1, failed: 1 } },
    billing: {
      currentMonthTotal: { amountMinor: 123456, currency: 'USD' },
      lastMonthTotal: { amountMinor: 100000, currency: 'USD' },
      nextInvoiceDate: '2026-12-01',
    },
    plan: { name: 'Enterprise', availableCredits: { amountMinor: 50000, currency: 'USD' } },
    activities: [
      { id: 'a2', resourceType: 'Workspaces', action: 'Create', occurredAt: '2026-11-20T10:00:00Z' },
      { id: 'a1', resourceType: 'Invoices', action: 'Fetch', occurredAt: '2026-11-19T10:00:00Z' },
    ],
    announcements: [],
  };
}

/** A maintenance warning (`n1`) for an org's announcements; `extra` adds or changes fields. */
export const maintenanceNotice = (extra: Partial<Announcement> = {}): Announcement => ({
  id: 'n1',
  kind: 'maintenance',
  title: 'Database upgrade',
  body: 'Short downtime.',
  publishedAt: '2026-11-20T10:00:00Z',
  severity: 'warning',
  ...extra,
});

/** What the dashboard's cards settle to on `orgDataset`, in the dashboard's order: it has no announcements. */
export const ORG_DATASET_STATES = ['ready', 'ready', 'ready', 'ready', 'ready', 'empty'];

export function dataset(...ids: string[]): DashboardDataset {
  return Object.fromEntries(ids.map((id) => [id, orgDataset(id)]));
}

/** Resolves after pending promise callbacks and a few macrotasks have run. */
export async function settle(times = 3): Promise<void> {
  for (let i = 0; i < times; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Polls until `check` passes. The limit only ends a test that would otherwise hang: it is room that
 * a loaded CI machine cannot run out of, and a check that passes costs no more for it.
 */
export async function until(check: () => boolean, what = 'condition', timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
