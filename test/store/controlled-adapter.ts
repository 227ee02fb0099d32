/**
 * An adapter whose every request waits until the test resolves or rejects it
 * by hand, and whose live connection the test drives: responses in any order,
 * events at any moment, connection changes on demand. No timers anywhere.
 */
import type {
  DashboardAdapter,
  DashboardEvent,
  LiveConnectionState,
  ViewerAccess,
} from '../../src/contract/types.js';
import { PERMISSIONS } from '../../src/contract/access.js';
import type { ResourceKey } from '../../src/store/resources.js';

export interface ControlledRequest {
  readonly serial: number;
  readonly resource: ResourceKey;
  readonly orgId: string;
  readonly signal?: AbortSignal;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

export interface ControlledSubscription {
  readonly orgId: string;
  closed: boolean;
  onEvent(event: DashboardEvent): void;
  onConnectionChange?(state: LiveConnectionState): void;
}

export interface ControlledAdapter {
  readonly adapter: DashboardAdapter;
  /** Requests not yet resolved or rejected, oldest first (aborted ones stay: a sloppy adapter ignores aborts). */
  readonly requests: ControlledRequest[];
  readonly subscriptions: ControlledSubscription[];
  /** Outstanding requests for a resource (of one org, when given). */
  pending(resource: ResourceKey, orgId?: string): ControlledRequest[];
  /** Sends an event to every open subscription of the org. */
  emit(orgId: string, event: DashboardEvent): void;
  /** Reports a connection change to every open subscription of the org. */
  connection(orgId: string, state: LiveConnectionState): void;
}

const FULL_ACCESS: ViewerAccess = { permissions: [...PERMISSIONS], role: 'owner' };

/**
 * `access`, when given, answers `getAccess` at once (the resources' requests
 * then leave as soon as promise callbacks have run); without it access waits
 * like every other request.
 */
export function createControlledAdapter(
  options: { access?: ViewerAccess | null; live?: boolean } = {},
): ControlledAdapter {
  const access = options.access === undefined ? FULL_ACCESS : options.access;
  const requests: ControlledRequest[] = [];
  const subscriptions: ControlledSubscription[] = [];
  let serial = 0;

  const request = (resource: ResourceKey, orgId: string, signal?: AbortSignal) =>
    new Promise<never>((resolve, reject) => {
      const entry: ControlledRequest = {
        serial: (serial += 1),
        resource,
        orgId,
        signal,
        resolve: (value) => {
          settle();
          resolve(structuredClone(value) as never);
        },
        reject: (reason) => {
          settle();
          reject(reason);
        },
      };
      const settle = () => {
        const index = requests.indexOf(entry);
        if (index >= 0) requests.splice(index, 1);
      };
      requests.push(entry);
    });

  const adapter: DashboardAdapter = {
    getOrganization: (orgId, o) => request('organization', orgId, o?.signal),
    getAccess: (orgId, o) =>
      access ? Promise.resolve(structuredClone(access)) : request('access', orgId, o?.signal),
    getWorkspaceStats: (orgId, o) => request('workspaces', orgId, o?.signal),
    getBilling: (orgId, o) => request('billing', orgId, o?.signal),
    getPlan: (orgId, o) => request('plan', orgId, o?.signal),
    listActivities: (orgId, filter) => request('activity', orgId, filter?.signal),
    listAnnouncements: (orgId, o) => request('announcements', orgId, o?.signal),
  };
  if (options.live !== false) {
    adapter.subscribe = (orgId, onEvent, subscribeOptions = {}) => {
      const subscription: ControlledSubscription = {
        orgId,
        closed: false,
        onEvent,
        onConnectionChange: subscribeOptions.onConnectionChange,
      };
      subscriptions.push(subscription);
      return () => {
        subscription.closed = true;
      };
    };
  }

  const open = (orgId: string) => subscriptions.filter((s) => s.orgId === orgId && !s.closed);
  return {
    adapter,
    requests,
    subscriptions,
    pending: (resource, orgId) =>
      requests.filter((r) => r.resource === resource && (orgId === undefined || r.orgId === orgId)),
    emit(orgId, event) {
      for (const s of open(orgId)) s.onEvent(structuredClone(event));
    },
    connection(orgId, state) {
      for (const s of open(orgId)) {
        if (state === 'closed') s.closed = true;
        s.onConnectionChange?.(state);
      }
    },
  };
}

/** Lets every queued promise callback run (the store's requests leave after a few). */
export async function flush(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}
