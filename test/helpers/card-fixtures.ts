/**
 * Mounting a card the ways a host does (inside a provider, standalone, controlled) on the memory
 * adapter, and reading its state: what the card contract suite and cards' own tests share.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import type { OrgDataset } from '../../src/adapters/dataset.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardErrorEvent } from '../../src/base/events.js';
import { dataset, until } from './data.js';

/** What the suite reads and sets on a card: its public API, nothing of its class. */
export type CardElement = HTMLElement & {
  readonly state: string;
  readonly error?: { code: string; path?: string };
  data?: unknown;
  orgId?: string;
  adapter?: MemoryAdapter;
  accessDenied?: 'notice' | 'hide';
  headingLevel: number;
  readonly updateComplete: Promise<boolean>;
};

export const CARD_STATES = ['loading', 'ready', 'empty', 'error', 'no-access', 'stale'] as const;

export const root = (card: CardElement) => card.shadowRoot!;
export const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim();
export const partText = (card: CardElement, name: string) =>
  clean(root(card).querySelector(`[part~="${name}"]`)?.textContent);
/** The text of the first match of `selector` in `el`'s shadow root, whitespace folded. */
export const shadowText = (el: Element, selector: string) =>
  clean(el.shadowRoot?.querySelector(selector)?.textContent);
/** Every match of `selector` in `el`'s shadow root. */
export const shadowAll = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
/** Everything the card's body says, as the reader gets it. */
export const bodyText = (el: Element) => el.shadowRoot!.querySelector('[part~="body"]')!.textContent ?? '';
export const box = (card: CardElement) => root(card).querySelector<HTMLElement>('[part="card"]');

/** Each named part's text, whitespace folded, against a table of what the card should say there. */
export function expectPartTexts(card: Element, expected: Record<string, string | undefined>): void {
  const shown = Object.fromEntries(
    Object.keys(expected).map((name) => [name, partText(card as CardElement, name)]),
  );
  expect(shown).to.deep.equal(expected);
}

/** The state, and it alone among the six as a CSS custom state. */
export function expectState(card: CardElement, state: (typeof CARD_STATES)[number]): void {
  expect(card.state).to.equal(state);
  const shown = CARD_STATES.filter((name) => card.matches(`:state(${name})`));
  expect(shown, 'CSS custom states').to.deep.equal([state]);
}

/** Waits (with room a loaded machine cannot run out of) until `card` is in `state`, and rendered. */
export async function reach(card: HTMLElement & { readonly state: string }, state = 'ready'): Promise<void> {
  await until(() => card.state === state, `state ${state} (is ${card.state})`);
  await elementUpdated(card);
}

/** Every `od-error` reaching the document from now on, until `stop()`. */
export function watchErrors() {
  const seen: DashboardErrorEvent['detail'][] = [];
  const listener = (event: Event) => seen.push((event as DashboardErrorEvent).detail);
  document.addEventListener('od-error', listener);
  return {
    codes: () => seen.map((d) => [d.error.code, d.resource, d.orgId]),
    stop: () => document.removeEventListener('od-error', listener),
  };
}

/**
 * Mounts `tag` on the shared test org (`dataset('o1')`, changed by `prepare`): every fixture is a
 * Lit element, since a plain root would wait for an animation frame a background tab never gets.
 */
export function cardFixtures(tag: string, prepare?: (org: OrgDataset) => void) {
  function adapterFor(change?: (org: OrgDataset) => void, ...more: string[]): MemoryAdapter {
    const data = dataset('o1', ...more);
    for (const org of Object.values(data)) {
      prepare?.(org);
      change?.(org);
    }
    return createMemoryAdapter(data);
  }

  function create(props: Partial<CardElement> = {}, attributes: Record<string, string> = {}): CardElement {
    const card = document.createElement(tag) as CardElement;
    for (const [name, value] of Object.entries(attributes)) card.setAttribute(name, value);
    return Object.assign(card, props);
  }

  /** Inside a provider for org o1, in English and UTC. */
  async function inProvider(
    adapter: MemoryAdapter,
    options: { card?: CardElement; accessDenied?: string } = {},
  ): Promise<CardElement> {
    const card = options.card ?? create();
    await fixture(html`
      <org-dashboard-provider
        org-id="o1"
        .adapter=${adapter}
        locale="en-US"
        time-zone="UTC"
        access-denied=${options.accessDenied ?? nothing}
        >${card}</org-dashboard-provider
      >
    `);
    return card;
  }

  /** Standalone or controlled: the card is the fixture. */
  async function alone(props: Partial<CardElement>): Promise<CardElement> {
    const card = create(props, { locale: 'en-US', 'time-zone': 'UTC' });
    await fixture(html`${card}`);
    return card;
  }

  return { adapterFor, create, inProvider, alone };
}
