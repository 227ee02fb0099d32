import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import * as validation from '../../src/contract/validation.js';
import type { DashboardDataset, OrgDataset } from '../../src/adapters/dataset.js';
import {
  ACME_ORG_ID,
  ALL_PERMISSIONS,
  FIXTURE_ORG_IDS,
  GLOBEX_ORG_ID,
  GULF_ORG_ID,
  INITECH_ORG_ID,
  NEWCO_ORG_ID,
  SAKURA_ORG_ID,
  accessForRole,
  createActivity,
  createDataset,
  minorDigits,
  money,
} from '../../src/mocks/fixtures.js';

const NOW = '2025-06-15T12:00:00.000Z';
const NOW_MS = Date.parse(NOW);

function validateOrg(org: OrgDataset): void {
  validation.parseOrganization(org.organization);
  validation.parseViewerAccess(org.access);
  validation.parseWorkspaceStats(org.workspaces);
  // Whole: nothing left out of a list, nothing dropped.
  for (const [parsed, raw] of [
    [validation.parseBillingSummary(org.billing), org.billing],
    [validation.parsePlanSummary(org.plan), org.plan],
  ]) {
    expect(validation.invalidItemsOf(parsed)).to.deep.equal([]);
    expect(parsed).to.deep.equal(raw);
  }
  const retentionDays = org.activityRetention?.days;
  validation.parseActivityPage({ items: org.activities, nextCursor: null, retentionDays });
  validation.parseAnnouncements(org.announcements);
}

function all(data: DashboardDataset): OrgDataset[] {
  return Object.values(data);
}

describe('fixtures: createDataset', () => {
  it('makes every fixture org, keyed by its id', () => {
    const data = createDataset({ now: NOW });
    expect(Object.keys(data)).to.deep.equal([...FIXTURE_ORG_IDS]);
    expect(FIXTURE_ORG_IDS.length).to.be.at.least(5);
    for (const id of FIXTURE_ORG_IDS) expect(data[id].organization.id).to.equal(id);
  });

  it('validates with the contract parse functions, for several seeds and dates', () => {
    const dates = [NOW, '2024-02-29T23:59:59.999Z', '2025-01-01T00:00:00.000Z', new Date()];
    for (const seed of [1, 2, 42, 9001]) {
      for (const now of dates) {
        for (const org of all(createDataset({ seed, now }))) validateOrg(org);
      }
    }
  });

  it('is deterministic: same seed and now, same data', () => {
    const a = JSON.stringify(createDataset({ seed: 7, now: NOW }));
    const b = JSON.stringify(createDataset({ seed: 7, now: NOW }));
    expect(a).to.equal(b);
    expect(JSON.stringify(createDataset({ now: NOW }))).to.equal(JSON.stringify(createDataset({ now: NOW })));
  });

  it('changes with the seed', () => {
    const a = createDataset({ seed: 1, now: NOW })[ACME_ORG_ID];
    const b = createDataset({ seed: 2, now: NOW })[ACME_ORG_ID];
    expect(JSON.stringify(a.activities)).not.to.equal(JSON.stringify(b.activities));
    expect(JSON.stringify(a.billing)).not.to.equal(JSON.stringify(b.billing));
  });

  it('keeps each org stable when other orgs or counts are left out', () => {
    const full = createDataset({ now: NOW })[GLOBEX_ORG_ID];
    const alone = createDataset({ now: NOW, orgs: [GLOBEX_ORG_ID] })[GLOBEX_ORG_ID];
    expect(JSON.stringify(alone)).to.equal(JSON.stringify(full));
  });

  it('makes dates relative to now: fresh activity, announcements and billing months', () => {
    const data = createDataset({ now: NOW });
    for (const org of all(data)) {
      const newest = Date.parse(org.activities[0].occurredAt);
      expect(newest).to.be.at.most(NOW_MS);
      expect(NOW_MS - newest).to.be.below(24 * 3600 * 1000);
      // The current period holds now; its invoice comes when it ends; history names it by its start.
      const period = org.billing.period!;
      expect(Date.parse(period.start)).to.be.at.most(NOW_MS);
      expect(Date.parse(period.end)).to.be.above(NOW_MS);
      expect(org.billing.nextInvoiceDate).to.equal(period.end);
      expect(org.billing.history!.at(-1)!.month).to.equal(period.start.slice(0, 7));
      expect(Date.parse(org.organization.createdAt)).to.be.below(NOW_MS);
    }
    const today = createDataset()[ACME_ORG_ID];
    expect(Date.now() - Date.parse(today.activities[0].occurredAt)).to.be.below(24 * 3600 * 1000);
  });

  it('lists activities newest first, with unique ids, after the org was created', () => {
    for (const org of all(createDataset({ now: NOW }))) {
      const ids = new Set(org.activities.map((a) => a.id));
      expect(ids.size).to.equal(org.activities.length);
      const created = Date.parse(org.organization.createdAt);
      let previous = Infinity;
      for (const activity of org.activities) {
        const at = Date.parse(activity.occurredAt);
        expect(at).to.be.below(previous);
        expect(at).to.be.at.least(created);
        previous = at;
      }
    }
  });

  it('uses realistic resource types, actions, actors and names', () => {
    const activities = createDataset({ now: NOW })[ACME_ORG_ID].activities;
    const types = new Set(activities.map((a) => a.resourceType));
    const actions = new Set(activities.map((a) => a.action));
    for (const type of ['Organization', 'Plans', 'Invoices', 'Workspaces', 'Members', 'API Keys']) {
      expect(types, type).to.include(type);
    }
    for (const action of ['Fetch', 'Fetch All', 'Create', 'Update', 'Delete']) {
      expect(actions, action).to.include(action);
    }
    expect(activities.some((a) => a.actor === undefined)).to.equal(true);
    expect(activities.some((a) => a.actor !== undefined)).to.equal(true);
    expect(activities.some((a) => a.resourceName === undefined)).to.equal(true);
    expect(activities.some((a) => a.resourceName !== undefined)).to.equal(true);
    // A list request names no single resource.
    expect(activities.filter((a) => a.action === 'Fetch All').every((a) => !a.resourceName)).to.equal(true);
  });

  it('makes about 300 activities per org by default, and any number on request', () => {
    const data = createDataset({ now: NOW, activitiesPerOrg: { [SAKURA_ORG_ID]: 5 } });
    expect(data[ACME_ORG_ID].activities).to.have.length(300);
    expect(data[SAKURA_ORG_ID].activities).to.have.length(5);
    expect(createDataset({ now: NOW, activitiesPerOrg: 0 })[ACME_ORG_ID].activities).to.have.length(0);
  });

  // How fast is for `npm run bench`, never a timed assertion: a loaded machine would fail it.
  it('generates 100,000 activities for one org, all valid', () => {
    const data = createDataset({ now: NOW, orgs: [ACME_ORG_ID], activitiesPerOrg: 100_000 });
    const activities = data[ACME_ORG_ID].activities;
    expect(activities).to.have.length(100_000);
    validation.parseActivityPage({ items: activities, nextCursor: null });
    expect(new Set(activities.map((a) => a.id)).size).to.equal(100_000);
    // Spread over up to a year, not crammed into the last days.
    const oldest = Date.parse(activities.at(-1)!.occurredAt);
    expect(NOW_MS - oldest).to.be.above(300 * 24 * 3600 * 1000);
  });

  it('is cheap until activities are read, and they can be replaced', () => {
    const data = createDataset({ now: NOW, activitiesPerOrg: 100_000 });
    // Not yet generated: a getter stands in until the first read (no timed assertion: see above).
    expect(typeof Object.getOwnPropertyDescriptor(data[ACME_ORG_ID], 'activities')?.get).to.equal('function');
    const org = data[NEWCO_ORG_ID];
    const replacement = [createActivity(NEWCO_ORG_ID, { at: NOW })];
    org.activities = replacement;
    expect(org.activities).to.equal(replacement);
    expect(Object.keys(org)).to.include('activities');
  });

  it('works with the memory adapter, including live activity events', async () => {
    const data = createDataset({ now: NOW });
    const adapter = createMemoryAdapter(data);
    const live = createActivity(ACME_ORG_ID, { at: NOW, sequence: 1 });
    adapter.emit(ACME_ORG_ID, { topic: 'activity', data: live });
    const page = await adapter.listActivities(ACME_ORG_ID, { limit: 2 });
    expect(page.items[0]).to.deep.equal(live);
    expect(data[ACME_ORG_ID].activities).to.have.length(301);
  });
});

describe('fixtures: coverage of the contract and the edge cases', () => {
  const data = createDataset({ now: NOW });

  it('covers every plan tier', () => {
    const plans = all(data).map((o) => o.plan.name);
    for (const tier of ['Enterprise', 'Premium', 'Standard', 'Starter', 'Free'])
      expect(plans).to.include(tier);
  });

  it('covers USD, EUR, JPY and KWD, in each currency’s minor unit', () => {
    const currencies = new Set(all(data).map((o) => o.billing.currentMonthTotal.currency));
    for (const code of ['USD', 'EUR', 'JPY', 'KWD']) expect(currencies).to.include(code);
    expect(data[SAKURA_ORG_ID].plan.availableCredits).to.deep.equal({
      amountMinor: 182_000,
      currency: 'JPY',
    });
    expect(data[GULF_ORG_ID].plan.availableCredits).to.deep.equal({ amountMinor: 37_125, currency: 'KWD' });
    expect(money(12.5, 'USD').amountMinor).to.equal(1250);
    expect(money(12.5, 'KWD').amountMinor).to.equal(12500);
    expect(money(1200, 'JPY').amountMinor).to.equal(1200);
    expect([minorDigits('JPY'), minorDigits('KWD'), minorDigits('EUR')]).to.deep.equal([0, 3, 2]);
  });

  it('keeps one currency per org across billing and plan', () => {
    for (const org of all(data)) {
      const currency = org.billing.currentMonthTotal.currency;
      const amounts = [
        org.billing.lastMonthTotal,
        org.plan.availableCredits,
        ...(org.plan.lowCreditThreshold ? [org.plan.lowCreditThreshold] : []),
        ...org.billing.history!.map((h) => h.total),
        ...(org.billing.forecastTotal ? [org.billing.forecastTotal] : []),
        ...org.plan.usage!.map((u) => u.credits),
      ];
      for (const amount of amounts) expect(amount.currency).to.equal(currency);
    }
  });

  it('has 6 to 12 months of billing history, oldest first, ending with the current totals', () => {
    for (const org of all(data)) {
      const history = org.billing.history!;
      if (org.organization.id !== NEWCO_ORG_ID) {
        expect(history.length).to.be.within(6, 12);
      }
      const months = history.map((h) => h.month);
      expect([...months].sort()).to.deep.equal(months);
      expect(history.at(-1)!.total).to.deep.equal(org.billing.currentMonthTotal);
      expect(history.at(-2)!.total).to.deep.equal(org.billing.lastMonthTotal);
    }
  });

  it('keeps workspace stats consistent', () => {
    for (const org of all(data)) {
      const { total, active, suspended, others, othersByState } = org.workspaces;
      expect(others).to.equal(total - active - suspended);
      if (othersByState) {
        expect(Object.values(othersByState).reduce((sum, n) => sum + n, 0)).to.equal(others);
      }
    }
  });

  it('has an org with zero workspaces and a zero last month', () => {
    expect(data[NEWCO_ORG_ID].workspaces.total).to.equal(0);
    expect(data[NEWCO_ORG_ID].billing.lastMonthTotal.amountMinor).to.equal(0);
  });

  it('has an org with credits at or below its low-credit threshold', () => {
    const plan = data[GULF_ORG_ID].plan;
    expect(plan.availableCredits.amountMinor).to.be.at.most(plan.lowCreditThreshold!.amountMinor);
    // The others are not low, so the warning is specific.
    const low = all(data).filter(
      (o) =>
        o.plan.lowCreditThreshold &&
        o.plan.availableCredits.amountMinor <= o.plan.lowCreditThreshold.amountMinor,
    );
    expect(low.map((o) => o.organization.id)).to.deep.equal([GULF_ORG_ID]);
  });

  it('has an org with a long right-to-left name', () => {
    const name = data[GULF_ORG_ID].organization.name;
    expect(name).to.match(/[\u0590-\u08ff]/);
    expect(name.length).to.be.above(40);
  });

  it('has many "others" workspaces in one org, with the breakdown optional elsewhere', () => {
    const gulf = data[GULF_ORG_ID].workspaces;
    expect(gulf.others / gulf.total).to.be.above(0.5);
    expect(data[SAKURA_ORG_ID].workspaces.othersByState).to.equal(undefined);
  });

  it('has every announcement kind and severity, a future maintenance window and optional fields left out', () => {
    const announcements = all(data).flatMap((o) => o.announcements);
    const kinds = new Set(announcements.map((a) => a.kind));
    const severities = new Set(announcements.map((a) => a.severity));
    for (const kind of ['feature', 'release', 'maintenance', 'update']) expect(kinds).to.include(kind);
    for (const severity of ['info', 'warning', 'critical', undefined])
      expect(severities).to.include(severity);
    const future = announcements.filter((a) => a.window && Date.parse(a.window.start) > NOW_MS);
    expect(future.length).to.be.at.least(1);
    expect(future.every((a) => a.kind === 'maintenance')).to.equal(true);
    expect(announcements.some((a) => a.url === undefined)).to.equal(true);
    expect(announcements.some((a) => a.url?.startsWith('/'))).to.equal(true);
    expect(announcements.some((a) => a.url?.startsWith('https://'))).to.equal(true);
  });

  it('lists announcements newest first, published in the past', () => {
    for (const org of all(data)) {
      const times = org.announcements.map((a) => Date.parse(a.publishedAt));
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
      expect(Math.max(...times)).to.be.at.most(NOW_MS);
    }
  });

  it('gives each org an access preset, including a member without billing', () => {
    expect(data[ACME_ORG_ID].access.role).to.equal('owner');
    expect(data[GLOBEX_ORG_ID].access.role).to.equal('billing-admin');
    expect(data[INITECH_ORG_ID].access.permissions).not.to.include('billing:read');
    expect(data[INITECH_ORG_ID].organization.owner.email).to.equal(undefined);
  });
});

describe('fixtures: accessForRole', () => {
  it('gives owners and billing admins every permission', () => {
    expect(accessForRole('owner')).to.deep.equal({ role: 'owner', permissions: [...ALL_PERMISSIONS] });
    expect(accessForRole('billing-admin').permissions).to.deep.equal([...ALL_PERMISSIONS]);
  });

  it('keeps billing and plan management from members, but lets them read the plan', () => {
    const { permissions, role } = accessForRole('member');
    expect(role).to.equal('member');
    for (const p of ['billing:read', 'billing:manage', 'plan:manage'] as const)
      expect(permissions).not.to.include(p);
    expect(permissions).to.include.members([
      'organization:read',
      'workspaces:read',
      'plan:read',
      'activity:read',
      'announcements:read',
    ]);
    validation.parseViewerAccess(accessForRole('member'));
  });

  it('returns a fresh object each time', () => {
    const a = accessForRole('owner');
    a.permissions.pop();
    expect(accessForRole('owner').permissions).to.have.length(ALL_PERMISSIONS.length);
  });
});

describe('fixtures: createActivity', () => {
  it('makes a valid activity with an id outside the generated history', () => {
    const data = createDataset({ now: NOW });
    const live = createActivity(ACME_ORG_ID, { at: NOW, sequence: 3 });
    validation.parseActivity(live);
    expect(live.occurredAt).to.equal(NOW);
    expect(data[ACME_ORG_ID].activities.some((a) => a.id === live.id)).to.equal(false);
    expect(createActivity(ACME_ORG_ID, { at: NOW, sequence: 3 })).to.deep.equal(live);
    expect(createActivity(ACME_ORG_ID, { at: NOW, sequence: 4 }).id).not.to.equal(live.id);
  });
});
