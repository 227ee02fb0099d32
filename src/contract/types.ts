/**
 * The data contract of DESIGN.md, exactly as named there. Host adapters build
 * against these shapes; every response is validated (see `validation.ts`)
 * before an element sees it.
 */

/** Money in the minor unit of an ISO 4217 currency: cents for USD, yen for JPY, fils for KWD. */
export interface Money {
  amountMinor: number;
  currency: string;
}

export interface Organization {
  id: string;
  name: string;
  owner: { name: string; email?: string };
  /** ISO 8601 instant. */
  createdAt: string;
  /** Users with access. */
  teamSize: number;
}

export interface WorkspaceStats {
  total: number;
  active: number;
  suspended: number;
  /** total - active - suspended */
  others: number;
  /** e.g. `{ creating: 2, deploying: 1, failed: 1 }` */
  othersByState?: Record<string, number>;
}

export interface BillingSummary {
  currentMonthTotal: Money;
  lastMonthTotal: Money;
  /** ISO 8601 date. */
  nextInvoiceDate: string;
  history?: { month: string /* YYYY-MM */; total: Money }[];
  /** The current billing period: ISO dates (`YYYY-MM-DD`), `end` exclusive. */
  period?: { start: string; end: string };
  /** The server's own forecast of the period's total, preferred over the card's projection. */
  forecastTotal?: Money;
}
/** Credits used on one day. */
export interface CreditUsage {
  /** `YYYY-MM-DD`. */
  date: string;
  credits: Money;
}

export interface PlanSummary {
  /** Enterprise, Premium, Standard, ... */
  name: string;
  availableCredits: Money;
  lowCreditThreshold?: Money;
  /** Credits used per day, oldest first; the runway is read from the last 7 entries. */
  usage?: CreditUsage[];
  /** Amounts offered when adding credits. */
  creditPacks?: Money[];
}

export interface Activity {
  id: string;
  /** Organization, Plans, Invoices, Workspaces, ... */
  resourceType: string;
  /** Fetch, Fetch All, Create, Update, Delete, ... */
  action: string;
  /** ISO 8601 instant. */
  occurredAt: string;
  actor?: { name: string };
  resourceName?: string;
}

export interface ActivityPage {
  items: Activity[];
  nextCursor: string | null;
  /** How many days the server keeps entries; the log's date range starts no earlier. */
  retentionDays?: number;
}

export type AnnouncementKind = 'feature' | 'release' | 'maintenance' | 'update';
export type AnnouncementSeverity = 'info' | 'warning' | 'critical';

export interface Announcement {
  id: string;
  kind: AnnouncementKind;
  title: string;
  /** Plain text; never interpreted as HTML. */
  body: string;
  publishedAt: string;
  severity?: AnnouncementSeverity;
  /** "Learn more"; only http(s) or relative URLs are ever linked. */
  url?: string;
  /** Maintenance window. */
  window?: { start: string; end: string };
}

export type Permission =
  | 'organization:read'
  | 'workspaces:read'
  | 'billing:read'
  | 'billing:manage'
  | 'plan:read'
  | 'plan:manage'
  | 'activity:read'
  | 'announcements:read';

export interface ViewerAccess {
  permissions: Permission[];
  role?: string;
}

export type DashboardEvent =
  | { topic: 'organization'; data: Organization }
  | { topic: 'workspaces'; data: WorkspaceStats }
  | { topic: 'billing'; data: BillingSummary }
  | { topic: 'plan'; data: PlanSummary }
  /** One new entry. */
  | { topic: 'activity'; data: Activity }
  /** One new or changed entry. */
  | { topic: 'announcements'; data: Announcement };

export type DashboardTopic = DashboardEvent['topic'];

export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * What narrows an activity list, for `listActivities` and (without the paging fields) the
 * activity log's `filter`; absent fields do not filter.
 */
export interface ActivityFilter extends RequestOptions {
  /** Entries per page (1 to 200, default 20). */
  limit?: number;
  /** Where the page starts: the previous page's `nextCursor`. */
  cursor?: string | null;
  resourceType?: string;
  action?: string;
  /** Free text matched against resource type, action, resource name and actor. */
  query?: string;
  /**
   * First moment included: an RFC 3339 instant, or a bare `YYYY-MM-DD` for that whole UTC day.
   * The activity log's `filter` holds a calendar day `YYYY-MM-DD` of the viewer's zone.
   */
  from?: string;
  /** Last moment included, read as `from` (a bare date includes that whole day). */
  to?: string;
}

/**
 * State of a live connection, reported by an adapter's `subscribe()` through
 * `SubscribeOptions.onConnectionChange`. DESIGN.md's `subscribe` signature has
 * no way to report it, so this optional callback extends `RequestOptions`:
 * adapters that ignore it still satisfy the contract.
 *
 * - `open`: connected; after a `reconnecting` or `polling` this means "resync now".
 * - `reconnecting`: the connection dropped; data may be behind (stale).
 * - `polling`: no stream for this org for now (a server without the multi-org
 *   stream gets at most two per-org streams): poll, and stay subscribed; an
 *   `open` follows when a stream takes the org over.
 * - `closed`: gave up or was unsubscribed; final.
 */
export type LiveConnectionState = 'open' | 'reconnecting' | 'polling' | 'closed';

export interface SubscribeOptions extends RequestOptions {
  onConnectionChange?: (state: LiveConnectionState) => void;
}

/** The outcome of `purchaseCredits`. */
export type CreditPurchase =
  | { status: 'completed'; availableCredits: Money }
  /** Settles later; the new balance arrives as a `plan` event or refresh. */
  | { status: 'pending' }
  /** A hosted checkout page (http(s) only). */
  | { status: 'redirect'; url: string };
/** What `purchaseCredits` sends: the same `idempotencyKey` for every try of one attempt. */
export interface CreditPurchaseRequest {
  amount: Money;
  idempotencyKey: string;
}
export interface DashboardAdapter {
  getOrganization(orgId: string, options?: RequestOptions): Promise<Organization>;
  getAccess(orgId: string, options?: RequestOptions): Promise<ViewerAccess>;
  getWorkspaceStats(orgId: string, options?: RequestOptions): Promise<WorkspaceStats>;
  getBilling(orgId: string, options?: RequestOptions): Promise<BillingSummary>;
  getPlan(orgId: string, options?: RequestOptions): Promise<PlanSummary>;
  listActivities(orgId: string, filter?: ActivityFilter): Promise<ActivityPage>;
  listAnnouncements(orgId: string, options?: RequestOptions): Promise<Announcement[]>;
  /** Live updates. Optional: without it the elements poll (paused while the page is hidden). */
  subscribe?(orgId: string, onEvent: (event: DashboardEvent) => void, options?: SubscribeOptions): () => void;
  /** Optional write (needs `plan:manage`): without it, "Add credits" is the link and event of DESIGN.md. */
  purchaseCredits?(
    orgId: string,
    request: CreditPurchaseRequest,
    options?: RequestOptions,
  ): Promise<CreditPurchase>;
  /** Optional write (needs `plan:manage`): set or clear (`null`) the low-credit alert; resolves to the plan. */
  setLowCreditThreshold?(
    orgId: string,
    threshold: Money | null,
    options?: RequestOptions,
  ): Promise<PlanSummary>;
}
