/**
 * What the fixtures give the cards to look ahead with (DESIGN.md, "Foresight and acting in
 * place"): daily credit usage with a weekly rhythm and one spike, an org whose credits run out
 * within days by DESIGN.md's rule, one with no usage, billing periods that `now` meets at their
 * start, middle and end, a server forecast, and activity retention. Checked for several seeds and
 * moments, with Temporal (temporal-polyfill) as the calendar.
 */
import { expect } from '@open-wc/testing';
import { Temporal } from 'temporal-polyfill';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { OrgDataset } from '../../src/adapters/dataset.js';
import type { CreditUsage, PlanSummary } from '../../src/contract/types.js';
import {
  ACME_ORG_ID,
  FIXTURE_ORG_IDS,
  GULF_ORG_ID,
  INITECH_ORG_ID,
  NEWCO_ORG_ID,
  createDataset,
} from '../../src/mocks/fixtures.js';

const DAY_MS = 86_400_000;
const SEEDS = [1, 2, 42, 9001];
/** Moments around month ends, a leap day, a year's turn and the middle of a month, at odd hours. */
const MOMENTS = [
  '2025-06-15T12:00:00.000Z',
  '2024-02-29T23:59:59.999Z',
  '2025-01-01T00:00:00.000Z',
  '2025-01-31T06:30:00.000Z',
  '2025-03-30T18:00:00.000Z',
  '2026-12-02T09:50:00.000Z',
];

function* everyDataset(): Generator<{ label: string; now: string; orgs: [string, OrgDataset][] }> {
  for (const seed of SEEDS) {
    for (const now of MOMENTS) {
      yield { label: `seed ${seed}, ${now}`, now, orgs: Object.entries(createDataset({ seed, now })) };
    }
  }
}

const utcDate = (instant: string | number) =>
  Temporal.Instant.fromEpochMilliseconds(typeof instant === 'number' ? instant : Date.parse(instant))
    .toZonedDateTimeISO('UTC')
    .toPlainDate();

/** DESIGN.md's runway: the balance over the mean of the last 7 entries, none without usage. */
function runwayDays(plan: PlanSummary): number | null {
  const last = plan.usage!.slice(-7);
  const mean = last.reduce((sum, day) => sum + day.credits.amountMinor, 0) / Math.max(1, last.length);
  return mean > 0 ? plan.availableCredits.amountMinor / mean : null;
}

describe('fixtures: credit usage', () => {
  it('is one entry per UTC day, consecutive and oldest first, up to yesterday, for 45 days or since creation', () => {
    for (const { label, now, orgs } of everyDataset()) {
      for (const [id, org] of orgs) {
        const days = org.plan.usage!.map((u) => Temporal.PlainDate.from(u.date));
        const yesterday = utcDate(now).subtract({ days: 1 });
        const created = utcDate(org.organization.createdAt);
        const first =
          Temporal.PlainDate.compare(created, yesterday.subtract({ days: 44 })) > 0
            ? created
            : yesterday.subtract({ days: 44 });
        expect(days.length, `${label} ${id}`).to.equal(first.until(yesterday).days + 1);
        days.forEach((day, i) =>
          expect(day.equals(first.add({ days: i })), `${label} ${id} [${i}]`).to.equal(true),
        );
        for (const usage of org.plan.usage!) {
          expect(usage.credits.currency).to.equal(org.plan.availableCredits.currency);
          expect(usage.credits.amountMinor).to.be.at.least(0);
        }
      }
    }
  });

  it('has a weekday and weekend rhythm and exactly one spike in each org that uses credits', () => {
    for (const { label, orgs } of everyDataset()) {
      for (const [id, org] of orgs) {
        if (id === NEWCO_ORG_ID) continue;
        const usage = org.plan.usage!;
        const sorted = [...usage].sort((a, b) => b.credits.amountMinor - a.credits.amountMinor);
        const [spike, ...rest] = sorted;
        const median = rest[Math.floor(rest.length / 2)].credits.amountMinor;
        // One day far above every other, the rest within the weekly rhythm.
        expect(spike.credits.amountMinor, `${label} ${id} spike`).to.be.above(
          2.5 * sorted[1].credits.amountMinor,
        );
        expect(sorted[1].credits.amountMinor).to.be.below(2 * median);
        // The quiet days are the two lowest of every full week.
        const weekOf = (entries: CreditUsage[]) => entries.map((u) => u.credits.amountMinor);
        const lastWeek = weekOf(usage.slice(-7).filter((u) => u !== spike));
        const quiet = [...lastWeek].sort((a, b) => a - b);
        expect(quiet[1], `${label} ${id} weekend`).to.be.below(0.6 * quiet[2]);
      }
    }
  });

  it('runs out within 4 days in Gulf alone by DESIGN.md’s rule; Pixel & Pine uses nothing, so has no runway', () => {
    for (const { label, orgs } of everyDataset()) {
      for (const [id, org] of orgs) {
        const runway = runwayDays(org.plan);
        if (id === GULF_ORG_ID) {
          expect(runway, label).to.be.within(1, 4);
        } else if (id === NEWCO_ORG_ID) {
          expect(runway, label).to.equal(null);
          expect(org.plan.usage!.every((u) => u.credits.amountMinor === 0)).to.equal(true);
          expect(org.plan.usage!.length).to.be.above(0);
        } else {
          // Above the cards' default low-runway-days (7), so the short runway stands out.
          expect(runway, `${label} ${id}`).to.be.above(7);
        }
      }
    }
  });
});

describe('fixtures: billing periods and the server forecast', () => {
  it('meets a period at its start, in its middle and near its end, in every dataset', () => {
    for (const { label, now, orgs } of everyDataset()) {
      const shares = orgs.map(([id, org]) => {
        const period = org.billing.period!;
        const start = Date.parse(`${period.start}T00:00:00Z`);
        const end = Date.parse(`${period.end}T00:00:00Z`);
        // A calendar month, holding now.
        const length = Temporal.PlainDate.from(period.start).until(period.end).days;
        expect(length, `${label} ${id}`).to.be.within(28, 31);
        const share = (Date.parse(now) - start) / (end - start);
        expect(share, `${label} ${id}`).to.be.within(0, 1);
        return share;
      });
      expect(
        shares.some((share) => share < 0.1),
        `${label} start`,
      ).to.equal(true);
      expect(
        shares.some((share) => share > 0.35 && share < 0.7),
        `${label} middle`,
      ).to.equal(true);
      expect(
        shares.some((share) => share > 0.9),
        `${label} end`,
      ).to.equal(true);
    }
  });

  it('runs up the current total at the period’s pace, so a projection lands near a typical month', () => {
    for (const { label, now, orgs } of everyDataset()) {
      for (const [id, org] of orgs) {
        const { period, currentMonthTotal, history } = org.billing;
        const start = Date.parse(`${period!.start}T00:00:00Z`);
        const elapsed = Math.max(DAY_MS, Date.parse(now) - start);
        const projected =
          (currentMonthTotal.amountMinor * (Date.parse(`${period!.end}T00:00:00Z`) - start)) / elapsed;
        const older = history!
          .slice(0, -1)
          .map((h) => h.total.amountMinor)
          .filter((total) => total > 0);
        if (older.length === 0) continue;
        const typical = older.reduce((sum, total) => sum + total, 0) / older.length;
        expect(projected, `${label} ${id}`).to.be.within(0.75 * typical, 1.4 * typical);
      }
    }
  });

  it('has the server forecast for Acme only, in its currency, near the pace of the period', () => {
    for (const { label, orgs } of everyDataset()) {
      for (const [id, org] of orgs) {
        const { forecastTotal, lastMonthTotal, currentMonthTotal } = org.billing;
        if (id !== ACME_ORG_ID) {
          expect(forecastTotal, `${label} ${id}`).to.equal(undefined);
          continue;
        }
        expect(forecastTotal!.currency).to.equal(currentMonthTotal.currency);
        expect(forecastTotal!.amountMinor).to.be.above(currentMonthTotal.amountMinor);
        // Acme spends about 12% more than last month.
        expect(forecastTotal!.amountMinor / lastMonthTotal.amountMinor, label).to.be.within(1.05, 1.25);
      }
    }
  });
});

describe('fixtures: activity retention', () => {
  it('keeps each org’s activity within its retention, counted from the data’s now', () => {
    for (const now of MOMENTS) {
      const data = createDataset({ now, activitiesPerOrg: 5000 });
      for (const id of FIXTURE_ORG_IDS) {
        const { activityRetention, activities } = data[id];
        if (id === INITECH_ORG_ID) {
          expect(activityRetention).to.equal(undefined);
          continue;
        }
        expect(activityRetention!.asOf).to.equal(now);
        const oldest = Date.parse(activities.at(-1)!.occurredAt);
        expect(Date.parse(now) - oldest, `${now} ${id}`).to.be.at.most(activityRetention!.days * DAY_MS);
      }
    }
  });

  it('serves pages with retentionDays through the memory adapter at any real time', async () => {
    // Made for a moment long past: the retention counts from it, not from the real clock.
    const data = createDataset({ now: '2020-03-01T12:00:00.000Z' });
    const adapter = createMemoryAdapter(data);
    for (const id of FIXTURE_ORG_IDS) {
      const page = await adapter.listActivities(id, { limit: 5 });
      expect(page.items, id).to.have.length(5);
      expect(page.retentionDays, id).to.equal(data[id].activityRetention?.days);
    }
    expect((await adapter.listActivities(ACME_ORG_ID)).retentionDays).to.equal(400);
  });
});
