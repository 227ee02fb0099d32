import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/workspace-stats-card.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { WorkspaceStats } from '../../src/contract/types.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import {
  barSegments,
  humanizeState,
  type WorkspaceStatsCard,
} from '../../src/elements/workspace-stats-card/workspace-stats-card.js';
import { dataset, until } from '../helpers/data.js';
import {
  expectPartTexts,
  reach as ready,
  shadowText as text,
  shadowAll as all,
  bodyText as visibleText,
} from '../helpers/card-fixtures.js';

function stats(total: number, active: number, suspended: number, othersByState?: Record<string, number>) {
  const result: WorkspaceStats = { total, active, suspended, others: total - active - suspended };
  if (othersByState) result.othersByState = othersByState;
  return result;
}

function adapterWith(workspaces?: WorkspaceStats, options?: { delayMs?: number }): MemoryAdapter {
  const data = dataset('o1');
  if (workspaces) data.o1.workspaces = workspaces;
  return createMemoryAdapter(data, options);
}

async function cardIn(adapter: MemoryAdapter, attrs: { ratio?: string } = {}): Promise<WorkspaceStatsCard> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone="UTC">
      <workspace-stats-card others-warning-ratio=${attrs.ratio ?? '0.25'}></workspace-stats-card>
    </org-dashboard-provider>
  `);
  return provider.querySelector('workspace-stats-card')!;
}

const warning = (card: WorkspaceStatsCard) => text(card, '[part~="warning"]');
const toggle = (card: WorkspaceStatsCard) =>
  card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="toggle"]');

describe('<workspace-stats-card>', () => {
  afterEach(() => sinon.restore());

  describe('content', () => {
    it('shows the total, each group with its count and share, and a chart with a text alternative', async () => {
      const card = await cardIn(adapterWith());
      await ready(card);
      expect(text(card, '[part~="total"]')).to.equal('10');
      expect(text(card, '.total')).to.equal('Total across all states 10');
      expectPartTexts(card, { active: '6', suspended: '2', others: '2' });
      expect(all(card, '[part~="share"]').map((s) => s.textContent?.trim())).to.deep.equal([
        '60%',
        '20%',
        '20%',
      ]);
      expect(all(card, '.legend dt').map((dt) => dt.textContent?.trim())).to.deep.equal([
        'Active',
        'Suspended',
        'Others',
      ]);
      expect(all(card, '.legend .description').map((dd) => dd.textContent?.trim())).to.deep.equal([
        'Deployed and running',
        'Paused',
        'Newly created, deploying or requiring attention',
      ]);
      const chart = card.shadowRoot!.querySelector('[part~="chart"]')!;
      expect(chart.localName).to.equal('svg');
      expect(chart.getAttribute('role')).to.equal('img');
      expect(chart.getAttribute('aria-label')).to.equal(
        'Workspaces by state: 6 active, 2 suspended, 2 others, of 10 in total',
      );
      const widths = all(card, '.segment').map((s) => s.getAttribute('width'));
      expect(widths).to.deep.equal(['60%', '20%', '20%']);
      expect(card.matches(':state(ready)')).to.equal(true);
      await expect(card).to.be.accessible();
    });

    it('handles 1,234,567 workspaces and groups with zero workspaces', async () => {
      const card = await cardIn(adapterWith(stats(1_234_567, 1_234_566, 0)));
      await ready(card);
      expectPartTexts(card, { total: '1,234,567', active: '1,234,566', suspended: '0', others: '1' });
      // One in a million is not "0%", and an empty group has no segment.
      expect(all(card, '[part~="share"]').map((s) => s.textContent?.trim())).to.deep.equal([
        '>99.9%',
        '0%',
        '<0.1%',
      ]);
      const segments = all(card, '.segment');
      expect(segments.map((s) => s.classList[1])).to.deep.equal(['active', 'others']);
      // The lone "other" still shows as a sliver.
      expect(segments[1].getBoundingClientRect().width).to.be.at.least(3);
      expect(visibleText(card)).not.to.match(/NaN|Infinity/);
      expect(card.shadowRoot!.innerHTML).not.to.match(/NaN|Infinity/);
    });

    it('gives tiny groups a visible minimum width and never divides by zero', () => {
      expect(barSegments({ total: 1_000_000, active: 999_998, suspended: 1, others: 1 })).to.deep.equal([
        { group: 'active', x: 0, width: 97 },
        { group: 'suspended', x: 97, width: 1.5 },
        { group: 'others', x: 98.5, width: 1.5 },
      ]);
      expect(barSegments({ total: 0, active: 0, suspended: 0, others: 0 })).to.deep.equal([]);
    });

    it('shows all workspaces in one group as a single full segment', async () => {
      const card = await cardIn(adapterWith(stats(3, 0, 3)));
      await ready(card);
      const segments = all(card, '.segment');
      expect(segments.length).to.equal(1);
      expect(segments[0].getAttribute('width')).to.equal('100%');
    });

    it('formats numbers for the locale', async () => {
      const adapter = adapterWith(stats(1_234_567, 1_000_000, 200_000));
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="de-DE">
          <workspace-stats-card></workspace-stats-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('workspace-stats-card')!;
      await ready(card);
      expect(text(card, '[part~="total"]')).to.equal('1.234.567');
      expect(all(card, '[part~="share"]')[0].textContent?.trim()).to.match(/^81\s%$/);
    });
  });

  describe('others by state', () => {
    it('shows the breakdown on demand, with humanized state names', async () => {
      const card = await cardIn(
        adapterWith(
          stats(20, 10, 2, { creating: 2, deploying: 1, failed: 1, needs_review: 3, coldStart: 1 }),
        ),
      );
      await ready(card);
      const button = toggle(card)!;
      const list = card.shadowRoot!.querySelector<HTMLElement>('[part~="others-by-state"]')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(list.id);
      expect(list.hidden).to.equal(true);
      expect(list.getBoundingClientRect().height).to.equal(0);
      expect(button.getBoundingClientRect().height).to.be.at.least(24);

      button.click();
      await elementUpdated(card);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(list.hidden).to.equal(false);
      expect(list.getAttribute('aria-label')).to.equal('Others by state');
      const items = [...list.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
      expect(items).to.deep.equal([
        'Creating 2',
        'Deploying 1',
        'Failed 1',
        'Needs review 3',
        'Cold start 1',
      ]);
      await expect(card).to.be.accessible();

      button.click();
      await elementUpdated(card);
      expect(list.hidden).to.equal(true);
    });

    it('opens and closes with the keyboard, with a visible focus ring', async () => {
      const card = await cardIn(adapterWith());
      await ready(card);
      const button = toggle(card)!;
      await sendKeys({ press: 'Tab' });
      expect(card.shadowRoot!.activeElement).to.equal(button);
      expect(button.matches(':focus-visible')).to.equal(true);
      expect(getComputedStyle(button).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Enter' });
      await elementUpdated(card);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: ' ' });
      await elementUpdated(card);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('has no breakdown button without othersByState, or with an empty one', async () => {
      const without = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card .data=${stats(9, 7, 1)}></workspace-stats-card>`,
      );
      expect(toggle(without)).to.equal(null);
      expect(without.shadowRoot!.querySelector('[part~="others-by-state"]')).to.equal(null);
      const empty = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card .data=${stats(6, 5, 1, {})}></workspace-stats-card>`,
      );
      expect(toggle(empty)).to.equal(null);
    });

    it('humanizes state names', () => {
      expect(humanizeState('needs_review')).to.equal('Needs review');
      expect(humanizeState('needs-review')).to.equal('Needs review');
      expect(humanizeState('needsReview')).to.equal('Needs review');
      expect(humanizeState('CREATING')).to.equal('Creating');
      expect(humanizeState('')).to.equal('');
    });

    it("humanizes state names the same whatever the browser's own language", () => {
      // A state name is the API's identifier, not a word of the viewer's language: a Turkish
      // browser's casing ("I" to dotless "ı", "i" to "İ") must not turn INIT into "Inıt".
      const { toLocaleLowerCase, toLocaleUpperCase } = String.prototype;
      const turkish = { I: 'ı', İ: 'i' } as Record<string, string>;
      const upper = { i: 'İ', ı: 'I' } as Record<string, string>;
      try {
        String.prototype.toLocaleLowerCase = function (this: string) {
          return [...this].map((c) => turkish[c] ?? c.toLowerCase()).join('');
        };
        String.prototype.toLocaleUpperCase = function (this: string) {
          return [...this].map((c) => upper[c] ?? c.toUpperCase()).join('');
        };
        expect(humanizeState('INIT')).to.equal('Init');
        expect(humanizeState('importing_images')).to.equal('Importing images');
      } finally {
        String.prototype.toLocaleLowerCase = toLocaleLowerCase;
        String.prototype.toLocaleUpperCase = toLocaleUpperCase;
      }
    });

    it('takes replacement names for known states', async () => {
      const card = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card
          .data=${stats(4, 1, 1, { creating: 2 })}
          .strings=${{ workspacesStateCreating: 'Wird erstellt', workspacesOthers: 'Andere' }}
        ></workspace-stats-card>`,
      );
      toggle(card)!.click();
      await elementUpdated(card);
      expect(text(card, '[part~="others-by-state"] li')).to.equal('Wird erstellt 2');
      expect(card.shadowRoot!.querySelector('.legend')!.textContent).to.contain('Andere');
    });

    it('knows a state whatever its case in the data (FAILED, Deploying)', async () => {
      const card = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card
          .data=${stats(6, 1, 1, { FAILED: 2, Deploying: 2 })}
          .strings=${{ workspacesStateFailed: 'Fehlgeschlagen', workspacesStateDeploying: 'Wird bereitgestellt' }}
        ></workspace-stats-card>`,
      );
      toggle(card)!.click();
      await elementUpdated(card);
      const items = [...card.shadowRoot!.querySelectorAll('[part~="others-by-state"] li')];
      expect(items.map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Fehlgeschlagen 2',
        'Wird bereitgestellt 2',
      ]);
    });
  });

  describe('the others warning', () => {
    const WARNING =
      'A high number of workspaces in other states may indicate configuration or deployment issues.';

    it('is shown from 25% of the total by default', async () => {
      const below = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card .data=${stats(100, 70, 6)}></workspace-stats-card>`,
      );
      expect(warning(below)).to.equal(undefined);
      const at = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card .data=${stats(100, 70, 5)}></workspace-stats-card>`,
      );
      expect(warning(at)).to.equal(WARNING);
      await expect(at).to.be.accessible();
    });

    it('takes its threshold from others-warning-ratio, and never warns about zero others', async () => {
      const card = await cardIn(adapterWith(), { ratio: '0.1' });
      await ready(card);
      expect(warning(card)).to.equal(WARNING);
      card.othersWarningRatio = 0.5;
      await elementUpdated(card);
      expect(warning(card)).to.equal(undefined);
      card.othersWarningRatio = 0;
      card.data = stats(5, 3, 2);
      await elementUpdated(card);
      expect(warning(card)).to.equal(undefined);
      card.data = stats(5, 3, 1);
      await elementUpdated(card);
      expect(warning(card)).to.equal(WARNING);
    });

    it('falls back to the default for a threshold that is not a number', async () => {
      const card = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card
          others-warning-ratio="lots"
          .data=${stats(10, 7, 0)}
        ></workspace-stats-card>`,
      );
      expect(warning(card)).to.equal(WARNING);
      card.data = stats(10, 8, 0);
      await elementUpdated(card);
      expect(warning(card)).to.equal(undefined);
    });
  });

  describe('settings taken away', () => {
    it('a removed others-warning-ratio goes back to the default', async () => {
      const card = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card
          others-warning-ratio="0.5"
          .data=${stats(10, 8, 1)}
        ></workspace-stats-card>`,
      );
      card.removeAttribute('others-warning-ratio');
      await elementUpdated(card);
      // One in ten is under the default's quarter.
      expect(warning(card)).to.equal(undefined);
    });

    it('the breakdown opened for one org is closed for the next', async () => {
      const data = dataset('o1', 'o2');
      data.o1.workspaces = stats(100, 50, 10, { deploying: 40 });
      data.o2.workspaces = stats(100, 50, 10, { failed: 40 });
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider org-id="o1" .adapter=${createMemoryAdapter(data)} locale="en-US">
          <workspace-stats-card></workspace-stats-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('workspace-stats-card')!;
      await ready(card);
      toggle(card)!.click();
      await elementUpdated(card);
      expect(toggle(card)!.getAttribute('aria-expanded')).to.equal('true');
      provider.orgId = 'o2';
      await until(() => card.shadowRoot!.textContent!.includes('Failed'), 'o2 shown');
      expect(toggle(card)!.getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('live updates', () => {
    it('applies workspaces snapshots in place, keeping the breakdown open', async () => {
      const adapter = adapterWith();
      const card = await cardIn(adapter);
      await ready(card);
      toggle(card)!.click();
      await elementUpdated(card);
      const legend = card.shadowRoot!.querySelector('.legend');
      const firstItem = card.shadowRoot!.querySelector('[part~="others-by-state"] li');
      const seen: string[] = [];
      const observer = new MutationObserver(() => seen.push(card.state));
      observer.observe(card.shadowRoot!, { subtree: true, childList: true });

      adapter.emit('o1', { topic: 'workspaces', data: stats(12, 6, 2, { creating: 3, failed: 1 }) });
      await elementUpdated(card);
      observer.disconnect();
      expectPartTexts(card, { total: '12', others: '4' });
      expect(card.shadowRoot!.querySelector('.legend')).to.equal(legend);
      expect(card.shadowRoot!.querySelector('[part~="others-by-state"] li')).to.equal(firstItem);
      expect(text(card, '[part~="others-by-state"] li')).to.equal('Creating 3');
      expect(toggle(card)!.getAttribute('aria-expanded')).to.equal('true');
      expect(seen.every((s) => s === 'ready')).to.equal(true);
      // 4 of 12 is a third: the warning appears.
      expect(text(card, '[part~="warning"]')).to.contain('A high number');
    });

    it('turns into the empty state when the last workspace goes, and back', async () => {
      const adapter = adapterWith();
      const card = await cardIn(adapter);
      await ready(card);
      adapter.emit('o1', { topic: 'workspaces', data: stats(0, 0, 0) });
      await ready(card, 'empty');
      adapter.emit('o1', { topic: 'workspaces', data: stats(1, 1, 0) });
      await ready(card);
      expect(text(card, '[part~="total"]')).to.equal('1');
    });
  });

  describe('modes', () => {
    it('shows numbers that are no counts as invalid data, never as NaN', async () => {
      const card = await fixture<WorkspaceStatsCard>(
        html`<workspace-stats-card
          .data=${{ total: -1, active: Number.NaN } as never}
        ></workspace-stats-card>`,
      );
      expect(card.error?.code).to.equal('invalid-data');
      expect(visibleText(card)).not.to.match(/NaN|Infinity/);
    });
  });

  describe('right to left', () => {
    it('mirrors the chart so it starts at the inline start, like the legend', async () => {
      const card = await fixture<WorkspaceStatsCard>(html`
        <workspace-stats-card
          dir="rtl"
          lang="ar"
          locale="ar-EG"
          style="width: 320px"
          .data=${stats(12, 4, 1, { creating: 2, deploying: 3, failed: 2 })}
        ></workspace-stats-card>
      `);
      await elementUpdated(card);
      const chart = card.shadowRoot!.querySelector('[part~="chart"]')!;
      expect(getComputedStyle(chart).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      expect(text(card, '[part~="total"]')).to.equal('١٢');
      expect(card.getBoundingClientRect().width).to.be.at.most(320);
      await expect(card).to.be.accessible();
    });
  });
});
