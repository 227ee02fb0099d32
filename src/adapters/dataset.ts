import { DashboardError } from '../contract/errors.js';
import { purchaseRequestError, thresholdError } from '../contract/purchase.js';
import type {
  Activity,
  DashboardEvent,
  Announcement,
  BillingSummary,
  CreditPurchase,
  CreditPurchaseRequest,
  Money,
  Organization,
  PlanSummary,
  ViewerAccess,
  WorkspaceStats,
} from '../contract/types.js';
import type { ActivityRetention } from './activity-query.js';
import { declineError, type Decline, type DeclinedPurchaseRecord } from './declines.js';

export type { Decline, DeclinedPurchaseRecord } from './declines.js';

/** Everything one organization's dashboard shows: what the memory adapter and the MSW handlers serve. */
export interface OrgDataset {
  organization: Organization;
  access: ViewerAccess;
  workspaces: WorkspaceStats;
  billing: BillingSummary;
  plan: PlanSummary;
  /** Newest first. */
  activities: Activity[];
  announcements: Announcement[];
  /**
   * How long the backend keeps activity: pages leave out older entries and carry `retentionDays`.
   * Without it, every entry is kept and pages say nothing of retention.
   */
  activityRetention?: ActivityRetention;
  /**
   * The backend's ledger of credit purchases, oldest first, kept by the writes (`takePurchase`):
   * what an idempotency key seen again is answered with. Absent until the first purchase.
   */
  creditPurchases?: CreditPurchaseRecord[];
  /**
   * The purchases the backend declined (402), oldest first: a repeat of their key is declined
   * again, never charged. Kept apart from `creditPurchases`, which are charges. Absent until the first.
   */
  declinedPurchases?: DeclinedPurchaseRecord[];
}

/** Datasets by organization id. */
export type DashboardDataset = Record<string, OrgDataset>;

/**
 * `item` in `list` (newest first by `time`, entries of the same time by id), replacing an entry
 * with its id: a late event lands at its place in time, as a real backend's pages would have it,
 * not at the top. Same-time entries by id (code-unit order, as the store sorts them), not by
 * arrival: an entry re-sent with its time unchanged keeps its place, and a page's cursor can name
 * the place of an entry that has since moved (`queryActivities`).
 */
function placeByTime<T extends { id: string }>(list: readonly T[], item: T, time: (entry: T) => string): T[] {
  // One pass and one new list: every live event of the memory adapter comes through here.
  const at = Date.parse(time(item));
  const placed: T[] = [];
  let waiting = true;
  for (const entry of list) {
    if (entry.id === item.id) continue;
    const entryAt = Date.parse(time(entry));
    if (waiting && (entryAt < at || (entryAt === at && entry.id > item.id))) {
      placed.push(item);
      waiting = false;
    }
    placed.push(entry);
  }
  if (waiting) placed.push(item);
  return placed;
}

/** The live topics that send a whole snapshot: each is named after the field of `OrgDataset` it replaces. */
type SnapshotTopic = Exclude<DashboardEvent['topic'], 'activity' | 'announcements'>;

function replaceSnapshot<T extends SnapshotTopic>(dataset: OrgDataset, topic: T, data: OrgDataset[T]): void {
  dataset[topic] = data;
}

/**
 * Applies a live event to an org's data: snapshots replace; `activity` and `announcements` add
 * one entry at its place in time (newest first), deduplicated by id.
 */
export function applyEvent(dataset: OrgDataset, event: DashboardEvent): void {
  switch (event.topic) {
    case 'activity':
      dataset.activities = placeByTime(dataset.activities, event.data, (a) => a.occurredAt);
      break;
    case 'announcements':
      dataset.announcements = placeByTime(dataset.announcements, event.data, (a) => a.publishedAt);
      break;
    default:
      replaceSnapshot(dataset, event.topic, event.data);
  }
}

// ---------------------------------------------------------------------------
// The two writes, as a payment backend takes them: one set of rules for the
// memory adapter and the mock REST API, so both keep the same ledger.
// ---------------------------------------------------------------------------

/** A purchase the backend took under an idempotency key. */
export interface CreditPurchaseRecord {
  idempotencyKey: string;
  amount: Money;
  /** The first answer: every repeat of the key with the same amount gets it again. */
  answer: CreditPurchase;
  /**
   * Whether the credits are in the balance: at once for `completed`, when settled for `pending`,
   * never for `redirect` (its checkout page is outside the mock).
   */
  credited: boolean;
}

/**
 * How a backend answers a new purchase instead of completing it at once: `pending` (the credits
 * arrive later, as a `plan` event: after `settleAfterMs`, else when the mock is told to settle)
 * or `redirect` to a checkout page.
 */
export type InjectedPurchase =
  { status: 'pending'; settleAfterMs?: number } | { status: 'redirect'; url: string };

/** What `takePurchase` did: the answer, the purchase's record, and whether the plan changed. */
export interface TakenPurchase {
  answer: CreditPurchase;
  record: CreditPurchaseRecord;
  /** The balance grew: the backend sends the new plan as a live `plan` event. */
  planChanged: boolean;
}

/** Well formed, but not what can be done (openapi.yaml): 422, read as `invalid-request`. */
const unprocessable = (message: string): DashboardError =>
  new DashboardError('invalid-request', message, { status: 422 });

/** The REST adapter's rules for what it sends (`contract/purchase.ts`), checked again as a server does: 400. */
function checked(refused: DashboardError | undefined): void {
  if (refused)
    throw new DashboardError('invalid-request', refused.message, { status: 400, path: refused.path });
}

/** `amount` in the credits' currency (another one is refused: the backend does not convert). */
function inCreditsCurrency(dataset: OrgDataset, amount: Money): void {
  const { currency } = dataset.plan.availableCredits;
  if (amount.currency !== currency)
    throw unprocessable(`Credits are in ${currency}, not ${amount.currency}.`);
}

/** Adds a purchase's credits to the balance; false when they are in already or cannot be added. */
export function creditPurchase(dataset: OrgDataset, record: CreditPurchaseRecord): boolean {
  const credits = dataset.plan.availableCredits;
  const total = credits.amountMinor + record.amount.amountMinor;
  if (record.credited || credits.currency !== record.amount.currency || !Number.isSafeInteger(total))
    return false;
  record.credited = true;
  dataset.plan = { ...dataset.plan, availableCredits: { ...credits, amountMinor: total } };
  return true;
}

/**
 * Takes a purchase as a payment backend with idempotency keys does (Stripe's rules): a key seen
 * before with the same amount is answered with its first answer (a decline too) and charges
 * nothing; with another amount it is a `conflict` (409). A new key is checked (a positive whole
 * amount of minor units, else 400; in the credits' currency, else 422; both `invalid-request`, and
 * nothing is remembered, so the key stays free), then recorded: declined when `decline` is given
 * (where the purchase would be charged), else completed at once (the credits added) or as
 * `outcome()` says, which is asked only for a new purchase that is not declined. Throws a
 * `DashboardError` with the HTTP status of a refusal or decline.
 */
export function takePurchase(
  dataset: OrgDataset,
  request: unknown,
  outcome: () => InjectedPurchase | undefined,
  decline?: Decline,
): TakenPurchase {
  checked(purchaseRequestError(request));
  const { idempotencyKey, amount: sent } = request as CreditPurchaseRequest;
  const amount: Money = { amountMinor: sent.amountMinor, currency: sent.currency };
  const ledger = (dataset.creditPurchases ??= []);
  const sameKey = (record: { idempotencyKey: string }) => record.idempotencyKey === idempotencyKey;
  const known = ledger.find(sameKey) ?? dataset.declinedPurchases?.find(sameKey);
  if (known) {
    if (known.amount.amountMinor !== amount.amountMinor || known.amount.currency !== amount.currency)
      throw new DashboardError('conflict', `Idempotency key ${idempotencyKey} was used for another amount.`, {
        status: 409,
      });
    if ('decline' in known) throw declineError(known.decline);
    return { answer: known.answer, record: known, planChanged: false };
  }
  inCreditsCurrency(dataset, amount);
  const total = dataset.plan.availableCredits.amountMinor + amount.amountMinor;
  if (!Number.isSafeInteger(total)) throw unprocessable('The balance would be too large.');
  if (decline) {
    (dataset.declinedPurchases ??= []).push({ idempotencyKey, amount, decline: { ...decline } });
    throw declineError(decline);
  }
  const next = outcome();
  const answer: CreditPurchase =
    next?.status === 'pending'
      ? { status: 'pending' }
      : next?.status === 'redirect'
        ? { status: 'redirect', url: next.url }
        : { status: 'completed', availableCredits: dataset.plan.availableCredits };
  const record: CreditPurchaseRecord = { idempotencyKey, amount, answer, credited: false };
  ledger.push(record);
  const planChanged = answer.status === 'completed' && creditPurchase(dataset, record);
  // The balance this purchase left, kept as it was for every repeat of the key.
  if (answer.status === 'completed') answer.availableCredits = { ...dataset.plan.availableCredits };
  return { answer, record, planChanged };
}

/**
 * Sets (money of zero or more, else 400; in the credits' currency, else 422) or clears (`null`)
 * the low-credit threshold and returns the plan. A PUT: repeating it sets the same state, so it needs no key.
 */
export function setThreshold(dataset: OrgDataset, value: unknown): PlanSummary {
  checked(thresholdError(value));
  const given = value as Money | null;
  const threshold = given && { amountMinor: given.amountMinor, currency: given.currency };
  const { lowCreditThreshold: _previous, ...plan } = dataset.plan;
  if (threshold) inCreditsCurrency(dataset, threshold);
  dataset.plan = threshold ? { ...plan, lowCreditThreshold: threshold } : plan;
  return dataset.plan;
}

interface AwaitedCredits {
  orgId: string;
  record: CreditPurchaseRecord;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * A backend's purchase desk, shared by the memory adapter and the mock REST API: it takes
 * purchases (`takePurchase`), answers new ones as `queue` says, and adds the credits of pending
 * ones later, telling `planChanged` each time the balance grows (the backend's `plan` event).
 */
export class PurchaseDesk {
  readonly #data: DashboardDataset;
  readonly #planChanged: (orgId: string) => void;
  readonly #outcomes: { outcome: InjectedPurchase; times: number }[] = [];
  readonly #awaited = new Set<AwaitedCredits>();

  constructor(data: DashboardDataset, planChanged: (orgId: string) => void) {
    this.#data = data;
    this.#planChanged = planChanged;
  }

  /** The next `times` new purchases answer `outcome` instead of completing at once. */
  queue(outcome: InjectedPurchase, times = 1): void {
    this.#outcomes.push({ outcome: structuredClone(outcome), times });
  }

  /** Takes a purchase for the org (see `takePurchase`), declined with `decline`; throws its refusals. */
  purchase(orgId: string, dataset: OrgDataset, request: unknown, decline?: Decline): CreditPurchase {
    let outcome: InjectedPurchase | undefined;
    const taken = takePurchase(dataset, request, () => (outcome = this.#takeOutcome()), decline);
    if (taken.planChanged) this.#planChanged(orgId);
    if (outcome?.status === 'pending') {
      const awaited: AwaitedCredits = { orgId, record: taken.record };
      if (outcome.settleAfterMs !== undefined)
        awaited.timer = setTimeout(() => this.#settle(awaited), outcome.settleAfterMs);
      this.#awaited.add(awaited);
    }
    return taken.answer;
  }

  /**
   * Adds the credits of pending purchases now (of one org, or all): those waiting to be told, and
   * with `timed` also those still waiting for their `settleAfterMs`.
   */
  settle({ orgId, timed = false }: { orgId?: string; timed?: boolean } = {}): void {
    for (const awaited of [...this.#awaited]) {
      if ((orgId === undefined || awaited.orgId === orgId) && (timed || awaited.timer === undefined))
        this.#settle(awaited);
    }
  }

  #takeOutcome(): InjectedPurchase | undefined {
    const next = this.#outcomes[0];
    if (next && --next.times <= 0) this.#outcomes.shift();
    return next?.outcome;
  }

  #settle(awaited: AwaitedCredits): void {
    clearTimeout(awaited.timer);
    this.#awaited.delete(awaited);
    const dataset = Object.hasOwn(this.#data, awaited.orgId) ? this.#data[awaited.orgId] : undefined;
    if (dataset && creditPurchase(dataset, awaited.record)) this.#planChanged(awaited.orgId);
  }
}
