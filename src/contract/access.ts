/** Who may see what (DESIGN.md, "Access"), in one place for the store, the adapters and the mocks. */
import type { DashboardTopic, Permission } from './types.js';

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
