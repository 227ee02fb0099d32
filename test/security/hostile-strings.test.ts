/**
 * Hostile strings: every payload of the corpus in every string field of every
 * shape, rendered by every card (through the store, which validates, and in
 * controlled mode): nothing runs, no element is created from data, and no
 * `javascript:` or `data:` link appears anywhere.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { OrgDataset } from '../../src/adapters/dataset.js';
import type { CardState } from '../../src/base/dashboard-card.js';
import type { DashboardLinks } from '../../src/contract/links.js';
import type { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import { ALL_PERMISSIONS, until } from '../helpers/data.js';
import { CARD_TAGS } from '../helpers/dashboard.js';
import { INJECTABLE_ELEMENTS, XSS_PAYLOADS } from './xss-payloads.js';

type Card = HTMLElement & { state: CardState; data?: unknown };

declare global {
  interface Window {
    __xssCanary: () => void;
  }
}

/** An org whose every string field (where the contract allows any string) is the payload. */
function hostileOrg(p: string, orgId: string): OrgDataset {
  const key = p.slice(0, 90);
  return {
    organization: {
      id: orgId,
      name: p,
      owner: { name: p, email: p },
      createdAt: '2023-03-14T09:26:53Z',
      teamSize: 3,
    },
    access: { permissions: [...ALL_PERMISSIONS], role: p },
    workspaces: {
      total: 10,
      active: 5,
      suspended: 1,
      others: 4,
      othersByState: { [key]: 3, [`${key}-2`]: 1 },
    },
    billing: {
      currentMonthTotal: { amountMinor: 1000, currency: 'USD' },
      lastMonthTotal: { amountMinor: 900, currency: 'USD' },
      nextInvoiceDate: '2026-12-01',
      history: [{ month: '2026-10', total: { amountMinor: 900, currency: 'USD' } }],
    },
    plan: { name: p, availableCredits: { amountMinor: 10, currency: 'USD' } },
    activities: [
      {
        id: `${p}-1`,
        resourceType: p,
        action: p,
        occurredAt: '2026-11-20T10:00:00Z',
        actor: { name: p },
        resourceName: p,
      },
      { id: `${p}-2`, resourceType: p, action: p, occurredAt: '2026-11-19T10:00:00Z' },
    ],
    announcements: [
      {
        id: `${p}-a`,
        kind: 'feature',
        title: p,
        body: p,
        url: p,
        publishedAt: '2026-11-20T10:00:00Z',
        severity: 'critical',
      },
      {
        id: `${p}-b`,
        kind: 'maintenance',
        title: p,
        body: p,
        url: p,
        publishedAt: '2026-11-19T10:00:00Z',
        window: { start: '2030-01-01T00:00:00Z', end: '2030-01-01T02:00:00Z' },
      },
    ],
  };
}

/** Every element in the tree, inside every shadow root. */
function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc'];
const DANGEROUS_URL = /^(javascript|data|vbscript):/i;
// Browsers strip control characters and spaces before they read a URL's scheme.
// eslint-disable-next-line no-control-regex
const schemeOf = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');

/** What an attacker would want to find in the rendered tree. */
function findInjections(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of allElements(root)) {
    if (INJECTABLE_ELEMENTS.includes(element.localName)) found.push(`<${element.localName}> element`);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${element.localName}>`);
      if (
        URL_ATTRIBUTES.includes(attribute.name.toLowerCase()) &&
        DANGEROUS_URL.test(schemeOf(attribute.value))
      )
        found.push(`${attribute.name}="${attribute.value}" on <${element.localName}>`);
    }
    if (element instanceof HTMLAnchorElement && DANGEROUS_URL.test(element.protocol))
      found.push(`link to ${element.href}`);
  }
  return found;
}

/** A few frames and tasks: long enough for an injected `onerror` or `onload` to have fired. */
const letScriptsRun = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20))),
  );

describe('hostile strings', function () {
  this.timeout(60000);
  let executions: string[];
  const onError = (event: ErrorEvent) => executions.push(`error: ${event.message}`);

  let scriptsBefore = 0;
  before(() => {
    scriptsBefore = document.querySelectorAll('script').length;
    executions = [];
    window.__xssCanary = () => executions.push('canary called');
    window.addEventListener('error', onError);
    localStorage.clear();
  });
  after(() => window.removeEventListener('error', onError));

  it('has a corpus of at least 50 payloads', () => {
    expect(new Set(XSS_PAYLOADS).size).to.be.at.least(50);
  });

  it('the canary works: a payload parsed as HTML would be caught', async () => {
    const probe = document.createElement('div');
    document.body.append(probe);
    // The test's own deliberate sink, to prove the detector detects.
    probe.append(document.createRange().createContextualFragment(`<img src=x onerror=__xssCanary()>`));
    await until(() => executions.length > 0, 'the canary');
    expect(findInjections(document.body)).to.include('<img> element');
    probe.remove();
    executions = [];
  });

  it('the links of the quick actions refuse every payload as a URL template', async () => {
    const links: DashboardLinks = {
      manageSubscription: 'javascript:__xssCanary()',
      addCredits: ' data:text/html,<script>__xssCanary()</script>',
      invoices: 'java\tscript:__xssCanary()',
      activityLog: 'JaVaScRiPt:__xssCanary()',
    };
    const adapter = createMemoryAdapter({ o1: hostileOrg('plain', 'o1') });
    const dashboard = await fixture<OrgDashboard>(
      html`<org-dashboard org-id="o1" .adapter=${adapter} .links=${links}></org-dashboard>`,
    );
    await until(() => cards(dashboard).every((card) => card.state === 'ready'), 'cards');
    await letScriptsRun();
    expect(findInjections(dashboard.shadowRoot!)).to.deep.equal([]);
    expect(executions).to.deep.equal([]);
  });

  const cards = (dashboard: OrgDashboard) =>
    CARD_TAGS.map((tag) => dashboard.shadowRoot!.querySelector<Card>(tag)!).filter(Boolean);

  XSS_PAYLOADS.forEach((payload, index) => {
    it(`payload ${index + 1}: ${JSON.stringify(payload).slice(0, 70)}`, async () => {
      const orgId = `${payload.slice(0, 200)}#${index}`;
      const adapter = createMemoryAdapter({ [orgId]: hostileOrg(payload, orgId) });
      const dashboard = await fixture<OrgDashboard>(
        html`<org-dashboard
          org-id=${orgId}
          .adapter=${adapter}
          .links=${{ manageSubscription: '/orgs/{orgId}/plan', activityLog: payload }}
        ></org-dashboard>`,
      );
      await until(
        () => cards(dashboard).length === 6 && cards(dashboard).every((card) => card.state !== 'loading'),
        'every card to load',
        5000,
      );
      expect(
        cards(dashboard).map((card) => card.state),
        'the data is valid, so every card shows it',
      ).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'ready', 'ready']);

      // The same data, given directly to each card (controlled mode).
      const controlled = await fixture<HTMLElement>(html`
        <div>
          <org-info-card .data=${adapter.data[orgId].organization}></org-info-card>
          <workspace-stats-card .data=${adapter.data[orgId].workspaces}></workspace-stats-card>
          <billing-card .data=${adapter.data[orgId].billing}></billing-card>
          <plan-card .data=${adapter.data[orgId].plan}></plan-card>
          <activity-feed .data=${adapter.data[orgId].activities}></activity-feed>
          <announcements-panel .data=${adapter.data[orgId].announcements}></announcements-panel>
        </div>
      `);
      await letScriptsRun();

      // Shown as text, where a reader can see it.
      const name = dashboard.shadowRoot!.querySelector('org-info-card')!.shadowRoot!.textContent!;
      expect(name).to.include(payload.trim());

      expect(findInjections(dashboard.shadowRoot!), 'in the dashboard').to.deep.equal([]);
      expect(findInjections(controlled), 'in controlled cards').to.deep.equal([]);
      expect(document.querySelectorAll('script').length, 'scripts in the page').to.equal(scriptsBefore);
      expect(executions).to.deep.equal([]);
    });
  });

  it('ran nothing in the whole run', async () => {
    await letScriptsRun();
    expect(executions).to.deep.equal([]);
  });
});
