/**
 * What a screen reader gets, per card state and dialog: the browser's own accessibility tree of the
 * element (roles, names, states, live regions), against a reviewed baseline kept in
 * test/a11y/__ax__/ (scripts/ax-tree.mjs reads and compares it). A change in what assistive
 * technology hears fails here and shows in review as a changed text file; `npm run test:update-ax`
 * rewrites the baselines once the change is meant. English, a fixed clock and fixed data.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardCard } from '../../src/base/dashboard-card.js';
import type { ResourceKey } from '../../src/store/resources.js';
import { skipInFirefox } from '../helpers/browsers.js';
import { dataset, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';
import { CARDS, freezeClock } from '../theming/cards.js';

type Card = DashboardCard<ResourceKey>;

interface Tree {
  status: 'same' | 'written' | 'missing' | 'changed' | 'unsupported';
  tree?: string;
  diff?: string;
}

interface Case {
  name: string;
  /** The part of the element's shadow root whose tree is recorded; the whole element by default. */
  part?: string;
  /** The element, not yet connected. */
  create: () => HTMLElement;
  /** Resolves once it shows the state the baseline records. */
  ready: (element: HTMLElement) => Promise<void>;
}

const inState = async (el: HTMLElement, state: string) => {
  const card = el as Card;
  await until(() => card.state === state, `${card.localName} ${state} (is ${card.state})`);
  await card.updateComplete;
};

function element(tag: string, props: { data?: unknown; adapter?: MemoryAdapter } = {}): HTMLElement {
  const el = document.createElement(tag) as Card & { adapter?: MemoryAdapter };
  el.setAttribute('locale', 'en-US');
  el.setAttribute('time-zone', 'UTC');
  if (props.adapter) {
    el.setAttribute('org-id', 'o1');
    el.adapter = props.adapter;
  }
  if (props.data !== undefined) el.data = props.data as never;
  return el;
}

/** The memory adapter on one org, `change` applied to its data first. */
function adapterWith(change: (org: ReturnType<typeof dataset>['o1']) => void = () => {}): MemoryAdapter {
  const data = dataset('o1');
  change(data.o1);
  return createMemoryAdapter(data);
}

const EMPTY: Record<string, unknown> = {
  'workspace-stats-card': { total: 0, active: 0, suspended: 0, others: 0 },
  'activity-feed': [],
  'announcements-panel': [],
};

const CASES: Case[] = CARDS.flatMap((card): Case[] => [
  {
    name: `${card.tag}-loading`,
    create: () => {
      const adapter = adapterWith();
      adapter.hold();
      return element(card.tag, { adapter });
    },
    ready: (el) => inState(el, 'loading'),
  },
  {
    name: `${card.tag}-ready`,
    create: () => element(card.tag, { data: card.data }),
    ready: (el) => inState(el, 'ready'),
  },
  ...(card.tag in EMPTY
    ? [
        {
          name: `${card.tag}-empty`,
          create: () => element(card.tag, { data: EMPTY[card.tag] }),
          ready: (el: HTMLElement) => inState(el, 'empty'),
        },
      ]
    : []),
  {
    name: `${card.tag}-error`,
    create: () => {
      const adapter = adapterWith();
      adapter.failNext('*', 'invalid-data', 1000);
      return element(card.tag, { adapter });
    },
    ready: (el) => inState(el, 'error'),
  },
  {
    name: `${card.tag}-no-access`,
    create: () =>
      element(card.tag, {
        adapter: adapterWith((org) => (org.access = { permissions: [], role: 'viewer' })),
      }),
    ready: (el) => inState(el, 'no-access'),
  },
]);

/** The card's fixed data with `change` over it: the looking-ahead states (runway, projection). */
const withData = (tag: string, change: Record<string, unknown>) => ({
  ...(CARDS.find((card) => card.tag === tag)!.data as object),
  ...change,
});

/** A week of credits used, $30.00 a day, up to the day before the pictures' "now" (2026-11-20). */
const USAGE = Array.from({ length: 7 }, (_, i) => ({
  date: `2026-11-${String(13 + i).padStart(2, '0')}`,
  credits: { amountMinor: 3000 + 500 * (i % 3), currency: 'USD' },
}));

CASES.push(
  {
    // The runway and the usage chart read as sentences.
    name: 'plan-card-foresight',
    create: () =>
      element('plan-card', {
        data: withData('plan-card', {
          availableCredits: { amountMinor: 42_000, currency: 'USD' },
          usage: USAGE,
        }),
      }),
    ready: (el) => inState(el, 'ready'),
  },
  {
    // The month-end projection and the trend against it read as sentences.
    name: 'billing-card-projection',
    create: () =>
      element('billing-card', {
        data: withData('billing-card', { period: { start: '2026-11-01', end: '2026-12-01' } }),
      }),
    ready: (el) => inState(el, 'ready'),
  },
  {
    name: 'plan-card-alert-form',
    create: () => element('plan-card', { adapter: adapterWith() }),
    ready: async (el) => {
      await inState(el, 'ready');
      el.shadowRoot!.querySelector<HTMLElement>('[part~="alert-change"]')!.click();
      await until(() => !!el.shadowRoot!.querySelector('[part~="alert-form"]'), 'the alert form open');
      await (el as Card).updateComplete;
    },
  },
  {
    name: 'activity-log-ready',
    create: () => {
      const el = element('activity-log', { data: CARDS.find((c) => c.tag === 'activity-feed')!.data });
      el.style.setProperty('--od-activity-log-height', '480px');
      return el;
    },
    ready: async (el) => {
      await inState(el, 'ready');
      const entries = () => el.shadowRoot!.querySelectorAll('[part~="entry"]').length;
      await until(() => entries() === 4, `the log's 4 entries (has ${entries()})`);
    },
  },
  {
    name: 'plan-card-purchase-dialog',
    part: 'purchase-dialog',
    create: () =>
      element('plan-card', {
        adapter: adapterWith(
          (org) =>
            (org.plan.creditPacks = [
              { amountMinor: 10_000, currency: 'USD' },
              { amountMinor: 50_000, currency: 'USD' },
            ]),
        ),
      }),
    ready: async (el) => {
      await inState(el, 'ready');
      const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
      part('add-credits')!.click();
      await until(
        () => (part('purchase-dialog') as HTMLDialogElement | null)?.open === true,
        'the dialog open',
      );
      await (el as Card).updateComplete;
    },
  },
);

describe('what a screen reader gets: accessibility trees against reviewed baselines', () => {
  let restoreClock: (() => void) | undefined;
  before(function () {
    skipInFirefox(this, 'the accessibility tree is read over the DevTools protocol (scripts/ax-tree.mjs)');
    localStorage.clear();
    restoreClock = freezeClock();
  });
  after(() => restoreClock?.());
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => document.querySelectorAll('[data-ax-root]').forEach((el) => el.remove()));

  for (const test of CASES) {
    it(test.name, async () => {
      localStorage.clear();
      const el = test.create();
      el.dataset.axRoot = test.part ?? '';
      document.body.append(el);
      await test.ready(el);
      const result = await executeServerCommand<Tree, { name: string }>('od-ax-tree', { name: test.name });
      if (result?.status === 'changed') expect.fail(`what a screen reader gets changed:\n${result.diff}`);
      if (result?.status === 'missing')
        expect.fail(`no baseline: run npm run test:update-ax\n${result.tree}`);
      expect(result?.status).to.be.oneOf(['same', 'written']);
      // A tree that names nothing would pass against a baseline of nothing.
      expect(result?.tree).to.match(/"/);
    });
  }
});
