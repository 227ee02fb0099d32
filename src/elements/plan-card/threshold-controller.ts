/**
 * The low-credit alert's write (DESIGN.md, "Low-credit alert") as a Lit reactive controller:
 * `LowCreditThresholdController` sets or clears the threshold and exposes only the value the
 * adapter confirmed. It never aborts a write (see purchase-controller.ts): one under way finishes
 * and its outcome goes to `onSaved` for the org it was made for.
 *
 * A write under way is the org's, not one card's: kept in the adapter's `ThresholdWrites`, shared
 * by every plan card on it, so a second card of the org, or a card made again, sees it and sends
 * no second PUT (answered out of order, two could leave the platform on the older value). Until
 * 2026-12-07 each card kept its own.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toDashboardError, type DashboardError } from '../../contract/errors.js';
import type { DashboardAdapter, Money, PlanSummary } from '../../contract/types.js';
import { parsePlanSummary } from '../../contract/validation.js';
import { clockOf, WritesUnderWay, WriteUnavailable } from './write-support.js';

/** What the card tells a write controller. */
export interface PlanWritesOptions {
  /** The adapter the card uses now; a Retry goes to the adapter its attempt was first sent to. */
  adapter(): DashboardAdapter | undefined;
  /** The org the card shows now: an open dialog closes when it changes (the purchase goes on). */
  orgId(): string | undefined;
}

/** The low-credit alert's write as the card shows it, for the org it shows. */
export type ThresholdState =
  | { status: 'idle' }
  | { status: 'saving'; threshold: Money | null }
  | { status: 'failed'; threshold: Money | null; error: DashboardError };

/** A threshold write's outcome, for the org it was made for. */
export type ThresholdOutcome = { orgId: string; threshold: Money | null } & (
  { status: 'saved'; plan: PlanSummary } | { status: 'failed'; error: DashboardError }
);

export interface LowCreditThresholdControllerOptions extends PlanWritesOptions {
  /** Each write's outcome: the card applies `plan` to that org's store and fires its event. */
  onSaved(outcome: ThresholdOutcome, adapter: DashboardAdapter | undefined, sentAt: number): void;
}

/** The threshold writes under way through one adapter, by org: one at a time per org. */
export class ThresholdWrites {
  readonly #saving = new Map<string, Money | null>();
  readonly #listeners = new Set<() => void>();

  /** The threshold being saved for `orgId`, if a write of it is under way. */
  saving(orgId: string): { threshold: Money | null } | undefined {
    return this.#saving.has(orgId) ? { threshold: this.#saving.get(orgId)! } : undefined;
  }

  /** Takes the org's one place for a write; false when a write of it is under way. */
  start(orgId: string, threshold: Money | null): boolean {
    if (this.#saving.has(orgId)) return false;
    this.#saving.set(orgId, threshold);
    for (const listener of [...this.#listeners]) listener();
    return true;
  }

  /** The org's write ended: every card that listens renders again. */
  end(orgId: string): void {
    this.#saving.delete(orgId);
    for (const listener of [...this.#listeners]) listener();
  }

  listen(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const registries = new WeakMap<object, ThresholdWrites>();

/** The threshold writes sent through `adapter`, shared by every plan card using it. */
export function thresholdWritesOf(adapter: object): ThresholdWrites {
  let writes = registries.get(adapter);
  if (!writes) {
    writes = new ThresholdWrites();
    registries.set(adapter, writes);
  }
  return writes;
}

/**
 * Sets or clears the low-credit alert. The card shows `confirmed()` (the plan the adapter answered),
 * never the value typed; while a write of the org is under way (from any card on the adapter)
 * another one is ignored.
 */
export class LowCreditThresholdController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: LowCreditThresholdControllerOptions;
  /** This card's failed writes, by org (a failure is said by the form that sent it). */
  readonly #failures = new Map<string, Extract<ThresholdState, { status: 'failed' }>>();
  readonly #confirmed = new Map<string, PlanSummary>();
  readonly #underWay = new WritesUnderWay();
  /** For a card without an adapter: nothing can be sent, but a write still needs its place. */
  readonly #own = new ThresholdWrites();
  #heard?: { writes: ThresholdWrites; stop: () => void };

  constructor(host: ReactiveControllerHost, options: LowCreditThresholdControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  #writes(adapter = this.#options.adapter()): ThresholdWrites {
    return adapter ? thresholdWritesOf(adapter) : this.#own;
  }

  /** Hears the writes of the current adapter, so a write another card sent renders this one too. */
  #hear(): void {
    const writes = this.#writes();
    if (this.#heard?.writes === writes) return;
    this.#heard?.stop();
    this.#heard = { writes, stop: writes.listen(() => this.#host.requestUpdate()) };
  }

  get available(): boolean {
    return typeof this.#options.adapter()?.setLowCreditThreshold === 'function';
  }

  /** The write's state for the org the card shows. */
  get state(): ThresholdState {
    const orgId = this.#options.orgId();
    if (orgId === undefined) return { status: 'idle' };
    const saving = this.#writes().saving(orgId);
    if (saving) return { status: 'saving', threshold: saving.threshold };
    return this.#failures.get(orgId) ?? { status: 'idle' };
  }

  /** The plan the adapter last answered for `orgId` (default: the card's org), with its threshold. */
  confirmed(orgId = this.#options.orgId()): PlanSummary | undefined {
    return orgId === undefined ? undefined : this.#confirmed.get(orgId);
  }

  async settled(): Promise<void> {
    await this.#underWay.settled();
  }

  /** Forgets the card org's failed write: the form opened afresh says nothing of it. */
  forgetFailure(): void {
    const orgId = this.#options.orgId();
    if (orgId !== undefined) this.#failures.delete(orgId);
  }

  /** Sets (money) or clears (`null`) the card org's threshold; false when ignored. */
  set(threshold: Money | null): boolean {
    const orgId = this.#options.orgId();
    const adapter = this.#options.adapter();
    const writes = this.#writes(adapter);
    if (orgId === undefined || !writes.start(orgId, threshold)) return false;
    this.#failures.delete(orgId);
    const sentAt = clockOf(adapter, orgId);
    const run = (async () => {
      let outcome: ThresholdOutcome;
      try {
        if (!adapter?.setLowCreditThreshold) throw new WriteUnavailable('set the low-credit threshold');
        // Checked as every answer is (a custom adapter may not): the card shows this plan.
        const plan = parsePlanSummary(
          await adapter.setLowCreditThreshold(orgId, threshold && { ...threshold }),
        );
        this.#confirmed.set(orgId, plan);
        outcome = { orgId, threshold, status: 'saved', plan };
      } catch (thrown) {
        const error = toDashboardError(thrown);
        this.#failures.set(orgId, { status: 'failed', threshold, error });
        outcome = { orgId, threshold, status: 'failed', error };
      }
      writes.end(orgId);
      this.#host.requestUpdate();
      this.#options.onSaved(outcome, adapter, sentAt);
    })();
    this.#underWay.add(run);
    this.#host.requestUpdate();
    return true;
  }

  hostConnected(): void {
    this.#hear();
  }

  hostUpdate(): void {
    this.#hear();
  }

  hostDisconnected(): void {
    // Nothing to stop: a write under way finishes and is delivered (see the module comment).
    this.#heard?.stop();
    this.#heard = undefined;
  }
}
