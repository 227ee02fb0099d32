/**
 * A busy organization, simulated: every few seconds the backend (the memory
 * adapter or the MSW handlers) sends one live event, so the dashboard visibly
 * moves.
 */
import type { DashboardDataset } from '../adapters/dataset.js';
import type { CreditUsage, DashboardEvent, Money, WorkspaceStats } from '../contract/types.js';
import { createActivity, type FixtureOrgId } from './fixtures.js';

/**
 * What the simulation drives: its data and a way to send a live event. Both the memory adapter
 * (`createMemoryAdapter`) and the MSW handlers' `MockApi` are one; named here, not as `MockApi`,
 * so that `org-dashboard-elements/fixtures` and its types never reach MSW.
 */
export interface SimulationTarget {
  readonly data: DashboardDataset;
  emit(orgId: string, event: DashboardEvent): unknown;
}

const INTERVAL_MS = 3000;

function bump(stats: WorkspaceStats, state: string, by: number): Record<string, number> | undefined {
  if (!stats.othersByState) return undefined;
  const next = { ...stats.othersByState, [state]: Math.max(0, (stats.othersByState[state] ?? 0) + by) };
  if (next[state] === 0) delete next[state];
  return next;
}

function largestOtherState(stats: WorkspaceStats): string | undefined {
  const entries = Object.entries(stats.othersByState ?? {}).filter(([, count]) => count > 0);
  return entries.sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A workspace finishes deploying, one is created, or one is suspended. */
function workspaceStep(api: SimulationTarget, orgId: string, tick: number): void {
  const stats = api.data[orgId].workspaces;
  const next: WorkspaceStats = { ...stats };
  const deploying = largestOtherState(stats);
  if (tick % 3 === 0 && stats.others > 0) {
    next.others -= 1;
    next.active += 1;
    next.othersByState = deploying ? bump(stats, deploying, -1) : stats.othersByState;
  } else if (tick % 3 === 1) {
    next.total += 1;
    next.others += 1;
    next.othersByState = bump(stats, 'creating', 1);
  } else if (stats.active > 0) {
    next.active -= 1;
    next.suspended += 1;
  }
  if (!next.othersByState) delete next.othersByState;
  api.emit(orgId, { topic: 'workspaces', data: next });
}

/**
 * Credits used as a busy org uses them: each step burns some and adds them to today's usage entry
 * (appended when today has none yet), and bills them; when the balance cannot pay a step, it is
 * topped up instead. So the plan card's runway (DESIGN.md: the balance over the mean of the last
 * 7 usage entries) visibly shortens, honestly: today's first step uses at least what the day
 * leaving those 7 entries used, so the mean never falls while the balance does; a top-up
 * lengthens it again.
 */
export function creditStep(api: SimulationTarget, orgId: string, now = Date.now()): void {
  const plan = api.data[orgId].plan;
  const credits = plan.availableCredits;
  const threshold = plan.lowCreditThreshold?.amountMinor ?? Math.round(credits.amountMinor / 2);
  const usage = plan.usage ?? [];
  const today = new Date(now).toISOString().slice(0, 10);
  const last = usage.at(-1);
  const startsToday = !last || last.date < today;
  const leaving = startsToday && usage.length >= 7 ? usage[usage.length - 7].credits.amountMinor : 0;
  const step = Math.max(1, Math.round(Math.max(threshold, 1) / 3), leaving);
  if (credits.amountMinor - step < 0) {
    const availableCredits: Money = { ...credits, amountMinor: Math.max(threshold * 4, step) };
    api.emit(orgId, { topic: 'plan', data: { ...plan, availableCredits } });
    return;
  }
  const used = (amountMinor: number): CreditUsage['credits'] => ({ amountMinor, currency: credits.currency });
  const nextUsage = startsToday
    ? [...usage, { date: today, credits: used(step) }]
    : [...usage.slice(0, -1), { ...last, credits: used(last.credits.amountMinor + step) }];
  const availableCredits: Money = { ...credits, amountMinor: credits.amountMinor - step };
  api.emit(orgId, { topic: 'plan', data: { ...plan, availableCredits, usage: nextUsage } });
  const billing = api.data[orgId].billing;
  const spent = { ...billing.currentMonthTotal, amountMinor: billing.currentMonthTotal.amountMinor + step };
  api.emit(orgId, { topic: 'billing', data: { ...billing, currentMonthTotal: spent } });
}

let sequence = 1000;

function activityStep(api: SimulationTarget, orgId: string): void {
  sequence += 1;
  api.emit(orgId, {
    topic: 'activity',
    data: createActivity(orgId as FixtureOrgId, { sequence, at: Date.now() }),
  });
}

export interface Simulation {
  /** Pauses or resumes; returns whether it now runs. */
  toggle(): boolean;
  /** Stops for good (a story or test cleaning up). */
  stop(): void;
}

/**
 * Sends one live event through `api` (a memory adapter or the MSW handlers'
 * `MockApi`) every `intervalMs` (default 3 s) for the org `currentOrg()` names: a workspace deploys, is created or is
 * suspended; a new activity; credits used (added to today's usage and
 * billed) until they run out, then topped up.
 */
export function startSimulation(
  api: SimulationTarget,
  currentOrg: () => string,
  { intervalMs = INTERVAL_MS }: { intervalMs?: number } = {},
): Simulation {
  let tick = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const step = () => {
    const orgId = currentOrg();
    if (!api.data[orgId]) return;
    tick += 1;
    const steps = [
      () => workspaceStep(api, orgId, tick),
      () => activityStep(api, orgId),
      () => creditStep(api, orgId),
    ];
    steps[tick % steps.length]();
  };
  const start = () => (timer = setInterval(step, intervalMs));
  start();
  return {
    toggle() {
      if (timer === undefined) {
        start();
        return true;
      }
      clearInterval(timer);
      timer = undefined;
      return false;
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
