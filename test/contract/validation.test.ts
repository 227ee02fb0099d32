import { expect } from '@open-wc/testing';
import { isSafeUrl, resolveLink } from '../../src/contract/links.js';
import * as validation from '../../src/contract/validation.js';
import { orgDataset } from '../helpers/data.js';
import { thrownBy } from '../helpers/errors.js';

/** The typed error `parse` rejects `value` with. */
const failure = (parse: (value: unknown) => unknown, value: unknown) => thrownBy(() => parse(value));

describe('validation', () => {
  const org = orgDataset('o1');

  it('accepts every shape of DESIGN.md', () => {
    expect(validation.parseOrganization(org.organization).name).to.equal('Org o1');
    expect(validation.parseWorkspaceStats(org.workspaces).total).to.equal(10);
    expect(validation.parseBillingSummary(org.billing).nextInvoiceDate).to.equal('2026-12-01');
    expect(validation.parsePlanSummary(org.plan).name).to.equal('Enterprise');
    expect(validation.parseActivityPage({ items: org.activities, nextCursor: null }).items).to.have.length(2);
    expect(validation.parseAnnouncements([])).to.deep.equal([]);
  });

  it('names the path of the first bad field', () => {
    const error = failure(validation.parseOrganization, {
      ...org.organization,
      createdAt: '2026-02-30T00:00:00Z',
    });
    expect(error.code).to.equal('invalid-data');
    expect(error.path).to.equal('createdAt');
    expect(error.message).to.contain('createdAt');
    expect(failure(validation.parseOrganization, { ...org.organization, owner: {} }).path).to.equal(
      'owner.name',
    );
    expect(failure(validation.parseOrganization, null).path).to.equal('');
  });

  it('rejects money that is not a safe integer of an ISO 4217 currency', () => {
    const bill = (amountMinor: number, currency = 'USD') =>
      failure(validation.parseBillingSummary, {
        ...org.billing,
        currentMonthTotal: { amountMinor, currency },
      });
    expect(bill(1.5).path).to.equal('currentMonthTotal.amountMinor');
    expect(bill(Number.NaN).path).to.equal('currentMonthTotal.amountMinor');
    expect(bill(2 ** 53).path).to.equal('currentMonthTotal.amountMinor');
    expect(bill(100, 'usd').path).to.equal('currentMonthTotal.currency');
    expect(
      validation.parseBillingSummary({
        ...org.billing,
        lastMonthTotal: { amountMinor: -500, currency: 'JPY' },
      }),
    ).to.have.nested.property('lastMonthTotal.amountMinor', -500);
  });

  it('checks that others is total minus active minus suspended', () => {
    expect(
      failure(validation.parseWorkspaceStats, { total: 5, active: 1, suspended: 1, others: 1 }).path,
    ).to.equal('others');
    expect(
      failure(validation.parseWorkspaceStats, { total: 1, active: -1, suspended: 0, others: 2 }).path,
    ).to.equal('active');
  });

  it('keeps a "__proto__" state name as data, never as the prototype', () => {
    const raw = '{"total":3,"active":1,"suspended":0,"others":2,"othersByState":{"__proto__":2}}';
    const stats = validation.parseWorkspaceStats(JSON.parse(raw));
    expect(Object.getPrototypeOf(stats.othersByState)).to.equal(Object.prototype);
    expect(Object.entries(stats.othersByState!)).to.deep.equal([['__proto__', 2]]);
  });

  it('drops permissions it does not know instead of failing', () => {
    expect(
      validation.parseViewerAccess({ permissions: ['billing:read', 'rockets:launch'] }).permissions,
    ).to.deep.equal(['billing:read']);
  });

  it('leaves out announcements of unknown kinds and with windows that end before they start', () => {
    const base = {
      id: 'n1',
      kind: 'maintenance',
      title: 'Database upgrade',
      body: 'Short downtime.',
      publishedAt: '2026-11-01T00:00:00Z',
    };
    const list = validation.parseAnnouncements([
      { ...base, kind: 'party' },
      { ...base, window: { start: '2026-11-02T04:00:00Z', end: '2026-11-02T02:00:00Z' } },
    ]);
    expect(list).to.deep.equal([]);
    expect(validation.invalidItemsOf(list).map((error) => error.path)).to.deep.equal([
      '[0].kind',
      '[1].window.end',
    ]);
  });

  it('validates live events by topic', () => {
    expect(validation.parseDashboardEvent({ topic: 'workspaces', data: org.workspaces }).topic).to.equal(
      'workspaces',
    );
    expect(failure(validation.parseDashboardEvent, { topic: 'weather', data: {} }).code).to.equal(
      'invalid-data',
    );
    expect(failure(validation.parseDashboardEvent, { topic: 'plan', data: { name: '' } }).path).to.match(
      /^data\./,
    );
  });
});

describe('links', () => {
  it('allows http(s) and relative URLs only', () => {
    for (const url of [
      'https://example.com/a',
      'http://x.test',
      '/billing',
      'billing/invoices',
      '?tab=1',
      '#top',
    ]) {
      expect(isSafeUrl(url), url).to.equal(true);
    }
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '',
    ]) {
      expect(isSafeUrl(url), url).to.equal(false);
    }
  });

  it('fills {orgId}, encoded, and refuses unsafe templates', () => {
    expect(resolveLink({ invoices: '/organizations/{orgId}/invoices' }, 'invoices', 'a b/c')).to.equal(
      '/organizations/a%20b%2Fc/invoices',
    );
    expect(resolveLink({ invoices: 'javascript:alert("{orgId}")' }, 'invoices', 'x')).to.equal(undefined);
    expect(resolveLink(undefined, 'invoices', 'x')).to.equal(undefined);
  });
});
