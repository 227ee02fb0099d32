/** Who may see what (DESIGN.md, "Access"), in one place for the store, the adapters and the mocks. */
import type { DashboardAdapter, DashboardTopic, Permission } from './types.js';

/** Every permission of DESIGN.md's `Permission`. */
export const PERMISSIONS: readonly Permission[] = [
  'organization:read',
  'workspaces:read',
  'billing:read',
  'billing:manage',
  'plan:read',
  'plan:manage',
  'activity:read',
  'announcements:read',
];

/** The permission needed to read each kind of data (and to receive its live events). */
export const READ_PERMISSION: Record<DashboardTopic, Permission> = {
  organization: 'organization:read',
  workspaces: 'workspaces:read',
  billing: 'billing:read',
  plan: 'plan:read',
  activity: 'activity:read',
  announcements: 'announcements:read',
};

/** An adapter method that answers one request (everything but the live `subscribe`). */
export type AdapterRequest = Exclude<keyof DashboardAdapter, 'subscribe'>;

/**
 * The permission a backend checks before answering each request, as the memory adapter and the
 * mock REST API both do. The organization and the viewer's own access need none: every member
 * reads them (DESIGN.md: org info is for all members), and access is what tells the rest.
 */
export const REQUEST_PERMISSION: Readonly<Partial<Record<AdapterRequest, Permission>>> = {
  getWorkspaceStats: READ_PERMISSION.workspaces,
  getBilling: READ_PERMISSION.billing,
  getPlan: READ_PERMISSION.plan,
  listActivities: READ_PERMISSION.activity,
  listAnnouncements: READ_PERMISSION.announcements,
  purchaseCredits: 'plan:manage',
  setLowCreditThreshold: 'plan:manage',
};

/** The permission `request` needs that `permissions` lack, if any: a backend answers it with 403. */
export function missingPermission(
  request: AdapterRequest,
  permissions: readonly Permission[],
): Permission | undefined {
  const needed = REQUEST_PERMISSION[request];
  return needed === undefined || permissions.includes(needed) ? undefined : needed;
}
