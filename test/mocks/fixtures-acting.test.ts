/**
 * What the demo data gives the cards to show (issue #13): a maintenance in progress, and the
 * simulation burning credits into today's usage so the runway shortens by DESIGN.md's rule.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type { PlanSummary } from '../../src/contract/types.js';
import { parsePlanSummary } from '../../src/contract/validation.js';
import { creditStep } from '../../src/mocks/simulation.js';
import { FIXTURE_ORG_IDS, createDataset, createHandlers } from '../../src/msw.js';

const MOMENTS = ['2025-06-15T12:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-12-02T00:20:00.000Z'];

/** DESIGN.md's runway: the balance over the mean of the last 7 entries, none without usage. */
function runwayDays(plan: PlanSummary): number | null {
  const last = (plan.usage ?? []).slice(-7);
  const mean = last.reduce((sum, day) => sum + day.credits.amountMinor, 0) / Math.max(1, last.length);
  return mean > 0 ? plan.availableCredits.amountMinor / mean : null;
}

const usedInAll = (plan: PlanSummary) =>
  (plan.usage ?? []).reduce((sum, d) => sum + d.credits.amountMinor, 0);

describe('fixtures: a maintenance in progress', () => {
  it('began 40 minutes before the data’s now and ends 1 h 20 min after it, for every org', () => {
    for (const now of MOMENTS) {
      const data = createDataset({ now });
      const at = Temporal.Instant.from(now);
      for (const orgId of FIXTURE_ORG_IDS) {
        const inProgress = data[orgId].announcements.filter(
          (a) =>
            a.window &&
            Temporal.Instant.compare(Temporal.Instant.from(a.window.start), at) <= 0 &&
            Temporal.Instant.compare(at, Temporal.Instant.from(a.window.end)) < 0,
        );
        expect(inProgress, `${orgId} at ${now}`).to.have.length(1);
        const [announcement] = inProgress;
        expect(announcement.kind).to.equal('maintenance');
        const started = at.since(Temporal.Instant.from(announcement.window!.start));
        const left = Temporal.Instant.from(announcement.window!.end).since(at);
        expect(started.total('minutes')).to.equal(40);
        expect(left.total('minutes')).to.equal(80);
        expect(Temporal.Instant.compare(Temporal.Instant.from(announcement.publishedAt), at)).to.equal(-1);
      }
    }
  });
});

describe('simulation: credits burn into today’s usage', () => {
  it('takes what each step burns from the balance and adds it to today’s entry, so the runway shortens until a top-up', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURE_ORG_IDS),
        fc.constantFrom(1, 2, 42),
        fc.constantFrom(...MOMENTS),
        // Minutes from the data's now of each step: the same day, and over midnight.
        fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 60 }),
        (orgId, seed, now, gaps) => {
          const api = createHandlers({ data: createDataset({ seed, now }) });
          let at = Date.parse(now);
          for (const gap of gaps) {
            at += gap * 60_000;
            const before = structuredClone(api.data[orgId]);
            creditStep(api, orgId, at);
            const plan = api.data[orgId].plan;
            const burnt = before.plan.availableCredits.amountMinor - plan.availableCredits.amountMinor;
            const today = new Date(at).toISOString().slice(0, 10);
            const dates = plan.usage!.map((u) => u.date);
            // One entry per day, oldest first, all valid, in the credits' currency.
            expect([...new Set(dates)].sort()).to.deep.equal(dates);
            expect(parsePlanSummary(plan).usage).to.deep.equal(plan.usage);
            if (burnt < 0) {
              // Topped up: nothing used, the runway grows again.
              expect(plan.usage).to.deep.equal(before.plan.usage);
              continue;
            }
            expect(burnt).to.be.above(0);
            expect(dates.at(-1)).to.equal(today);
            expect(usedInAll(plan) - usedInAll(before.plan), 'what burnt is today’s usage').to.equal(burnt);
            expect(plan.usage!.slice(0, -1)).to.deep.equal(before.plan.usage!.filter((u) => u.date < today));
            const runway = runwayDays(plan);
            const previous = runwayDays(before.plan);
            expect(runway).to.be.a('number');
            if (previous !== null)
              expect(runway!, `${orgId} at ${new Date(at).toISOString()}`).to.be.below(previous);
            const billed =
              api.data[orgId].billing.currentMonthTotal.amountMinor -
              before.billing.currentMonthTotal.amountMinor;
            expect(billed).to.equal(burnt);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
