/**
 * The Custom Elements Manifest is complete: what the live elements have (Lit properties and
 * attributes, parts and slots they render, `--od-*` properties their styles read, `od-*` events typed
 * in `HTMLElementEventMap`) is in the manifest, with a description (and events with their detail type).
 * The manifest is generated from the current sources when the test server starts
 * (scripts/wtr-manifest.mjs), with the same configuration `npm run build` uses.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, PropertyDeclaration } from 'lit';
import '../../src/define.js';
import * as api from '../../src/index.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { CARD_TAGS } from '../helpers/dashboard.js';
import { dataset, maintenanceNotice, orgDataset, until } from '../helpers/data.js';

interface Described {
  name: string;
  description?: string;
}
interface Member extends Described {
  kind: string;
  privacy?: string;
  static?: boolean;
}
interface Attribute extends Described {
  fieldName?: string;
}
interface ManifestEvent extends Described {
  type?: { text: string };
}
interface Declaration extends Described {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  summary?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: ManifestEvent[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  cssStates?: Described[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[] }[];
}

type ElementClass = typeof LitElement & { elementProperties: Map<PropertyKey, PropertyDeclaration> };

let manifest: Manifest;
let typedEvents: string[];
const elements = () =>
  manifest.modules.flatMap((mod) => mod.declarations ?? []).filter((d) => d.customElement && d.tagName);
const declarationOf = (tag: string) => {
  const found = elements().find((d) => d.tagName === tag);
  if (!found) throw new Error(`<${tag}> is not in the manifest`);
  return found;
};
const undocumented = (items: Described[] | undefined, names: Iterable<string>) =>
  [...names].filter((name) => !items?.some((item) => item.name === name && item.description?.trim()));

/** Every tag the define entry registers. */
const DEFAULT_TAGS = ['org-dashboard-provider', ...CARD_TAGS, 'activity-log', 'org-dashboard'];

/**
 * Registered element classes the package root exports, by tag. The define entry registers a trivial
 * subclass of each (the class itself stays free for a partner's tag), so a tag's is the parent's.
 */
const exportedElements = () =>
  Object.entries(api).flatMap(([name, value]) => {
    if (typeof value !== 'function' || !(value.prototype instanceof HTMLElement)) return [];
    const tag = DEFAULT_TAGS.find((t) => Object.getPrototypeOf(customElements.get(t)) === value);
    return tag ? [{ name, tag, element: value as unknown as ElementClass }] : [];
  });

const org = orgDataset('o1');
/** Data that brings out every part: ready, with history, a low balance, each kind of announcement. */
const READY: Record<string, unknown> = {
  'org-info-card': org.organization,
  'workspace-stats-card': org.workspaces,
  'billing-card': {
    ...org.billing,
    history: [
      { month: '2026-09', total: { amountMinor: 90000, currency: 'USD' } },
      { month: '2026-10', total: { amountMinor: 100000, currency: 'USD' } },
    ],
  },
  'plan-card': { ...org.plan, lowCreditThreshold: { amountMinor: 60000, currency: 'USD' } },
  'activity-feed': org.activities,
  'announcements-panel': [
    maintenanceNotice({
      url: 'https://example.com/status',
      window: { start: '2026-11-28T01:00:00Z', end: '2026-11-28T03:00:00Z' },
    }),
    { id: 'n2', kind: 'feature', title: 'New', body: 'Text.', publishedAt: '2026-11-19T10:00:00Z' },
  ],
};
const EMPTY: Record<string, unknown> = {
  'workspace-stats-card': { total: 0, active: 0, suspended: 0, others: 0 },
  'activity-feed': [],
  'announcements-panel': [],
};

/** Every `part` and `slot` name in an element's shadow root (not its children's). */
function rendered(element: Element, parts: Set<string>, slots: Set<string>) {
  for (const node of element.shadowRoot?.querySelectorAll('[part]') ?? [])
    for (const name of node.getAttribute('part')!.split(/\s+/)) if (name) parts.add(name);
  for (const slot of element.shadowRoot?.querySelectorAll('slot') ?? []) slots.add(slot.name);
}

/** A card, listening to every typed `od-*` event (and cancelling it). */
function listening(tag: string, fired: Set<string>) {
  const element = document.createElement(tag);
  // Links (such as an announcement's Learn more) must not take the test page away.
  element.addEventListener('click', (event) => event.preventDefault());
  for (const name of typedEvents)
    element.addEventListener(name, (event) => {
      fired.add(event.type);
      event.preventDefault();
    });
  return element;
}

/**
 * Renders a card in its states (loading, ready, empty, invalid data, failed fetch, no access), and
 * activates every link and button of the ready state, collecting the events it fires.
 */
async function cardStates(tag: string) {
  const parts = new Set<string>();
  const slots = new Set<string>();
  const fired = new Set<string>();
  /** The custom states seen: each state the card reports, when CSS can match it (`:state(...)`). */
  const states = new Set<string>();
  const noteState = (element: Element) => {
    const state = (element as Element & { state?: string }).state;
    if (state && element.matches(`:state(${state})`)) states.add(state);
  };
  const render = async (data: unknown, activate = false) => {
    const element = listening(tag, fired) as LitElement & { data?: unknown };
    if (data !== undefined) element.data = data;
    document.body.append(element);
    await element.updateComplete;
    rendered(element, parts, slots);
    noteState(element);
    if (activate)
      for (const control of element.shadowRoot!.querySelectorAll<HTMLElement>('a[href], button')) {
        control.click();
        await element.updateComplete;
      }
    element.remove();
  };
  await render(undefined);
  await render(READY[tag], true);
  if (EMPTY[tag]) await render(EMPTY[tag]);
  await render({ not: 'valid' });
  for (const access of ['all', 'none'] as const) {
    const adapter = createMemoryAdapter(dataset('o1'));
    if (access === 'none') adapter.data.o1.access = { permissions: [] };
    else adapter.failNext('*', 'server', 100);
    const element = listening(tag, fired) as LitElement & { state: string };
    Object.assign(element, { orgId: 'o1', adapter });
    document.body.append(element);
    await until(() => element.state === 'error' || element.state === 'no-access', `${tag} to fail`);
    await element.updateComplete;
    rendered(element, parts, slots);
    noteState(element);
    element.remove();
  }
  // Stale: the data stays, with its "last updated" note, while the live connection is down.
  const adapter = createMemoryAdapter(dataset('o1'));
  const element = listening(tag, fired) as LitElement & { state: string };
  Object.assign(element, { orgId: 'o1', adapter });
  document.body.append(element);
  await until(() => element.state === 'ready' || element.state === 'empty', `${tag} ready`);
  adapter.disconnect('o1');
  await until(() => element.state === 'stale', `${tag} stale`);
  await element.updateComplete;
  rendered(element, parts, slots);
  noteState(element);
  element.remove();
  return { parts, slots, fired, states };
}

describe('Custom Elements Manifest', () => {
  before(async () => {
    manifest = await (await fetch('/__manifest/custom-elements.json')).json();
    typedEvents = await (await fetch('/__manifest/events.json')).json();
  });

  it('declares every element the package exports, with its tag, summary and description', () => {
    const exported = exportedElements();
    expect(exported.length).to.be.greaterThan(7);
    for (const { name, tag } of exported) {
      const declaration = declarationOf(tag);
      expect(declaration.name, tag).to.equal(name);
      expect(declaration.summary?.trim() ?? '', `${tag} summary`).to.not.equal('');
      expect(declaration.description?.trim() ?? '', `${tag} description`).to.not.equal('');
    }
  });

  it('documents every public property and attribute', () => {
    for (const { tag, element } of exportedElements()) {
      const declaration = declarationOf(tag);
      for (const [key, options] of element.elementProperties) {
        if (typeof key !== 'string' || options.state) continue;
        const member = declaration.members?.find((m) => m.kind === 'field' && m.name === key);
        expect(member, `<${tag}> property ${key}`).to.not.equal(undefined);
        expect(member!.privacy ?? 'public', `<${tag}> property ${key}`).to.equal('public');
        expect(member!.description?.trim() ?? '', `<${tag}> property ${key} description`).to.not.equal('');
        if (options.attribute === false) continue;
        const name = typeof options.attribute === 'string' ? options.attribute : key.toLowerCase();
        const attribute = declaration.attributes?.find((a) => a.name === name);
        expect(attribute, `<${tag}> attribute ${name}`).to.not.equal(undefined);
        expect(attribute!.fieldName, `<${tag}> attribute ${name}`).to.equal(key);
        expect(attribute!.description?.trim() ?? '', `<${tag}> attribute ${name} description`).to.not.equal(
          '',
        );
      }
      const publicFields = (declaration.members ?? []).filter(
        (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public',
      );
      expect(
        undocumented(
          publicFields,
          publicFields.map((m) => m.name),
        ),
        `<${tag}> fields`,
      ).to.deep.equal([]);
    }
  });

  it("gives each public property's and attribute's default as the value a new element has", async () => {
    for (const { tag, element } of exportedElements()) {
      const declaration = declarationOf(tag);
      const fresh = document.createElement(tag) as unknown as Record<string, unknown>;
      const documented = [
        ...(declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static),
        ...(declaration.attributes ?? []),
      ] as (Described & { default?: string; fieldName?: string; privacy?: string })[];
      for (const item of documented) {
        if (item.default === undefined || (item.privacy ?? 'public') !== 'public') continue;
        const key = item.fieldName ?? item.name;
        if (!element.elementProperties.has(key)) continue;
        // What a reader sees: a literal (7, 0.25, 'en-US', false), never the name of a constant.
        let shown: unknown;
        try {
          shown = JSON.parse(item.default.replaceAll("'", '"').replace(/(\d)_(?=\d)/g, '$1'));
        } catch {
          shown = `not a literal: ${item.default}`;
        }
        expect(shown, `<${tag}> ${item.name} default`).to.equal(fresh[key]);
      }
    }
  });

  it('documents every od-* event with its detail type', () => {
    expect(typedEvents.length).to.be.greaterThan(5);
    for (const name of typedEvents) {
      const documented = elements().flatMap((d) => (d.events ?? []).filter((e) => e.name === name));
      expect(documented.length, `${name} is documented on no element`).to.be.greaterThan(0);
    }
    for (const declaration of elements())
      for (const event of declaration.events ?? []) {
        const where = `<${declaration.tagName}> ${event.name}`;
        expect(event.name, where).to.match(/^od-/);
        expect(event.description?.trim() ?? '', `${where} description`).to.not.equal('');
        expect(event.type?.text, `${where} detail type`).to.match(/^[A-Z]\w+Detail$/);
      }
  });

  it('documents on <org-dashboard> every event its cards fire, as they bubble out of it', () => {
    const fired = new Set(
      CARD_TAGS.flatMap((tag) => (declarationOf(tag).events ?? []).map((event) => event.name)),
    );
    expect(undocumented(declarationOf('org-dashboard').events, fired)).to.deep.equal([]);
  });

  it('documents every --od-* custom property each element reads', () => {
    for (const { tag, element } of exportedElements()) {
      const css = element.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
      const used = new Set([...css.matchAll(/var\(\s*(--od-[\w-]+)/g)].map((match) => match[1]!));
      expect(undocumented(declarationOf(tag).cssProperties, used), `<${tag}> CSS properties`).to.deep.equal(
        [],
      );
    }
  });

  for (const tag of Object.keys(READY)) {
    it(`documents every part, slot and event of <${tag}> in its states`, async () => {
      const { parts, slots, fired, states } = await cardStates(tag);
      expect(parts.size, tag).to.be.greaterThan(4);
      const declaration = declarationOf(tag);
      expect(undocumented(declaration.cssParts, parts), `<${tag}> parts`).to.deep.equal([]);
      expect(undocumented(declaration.slots, slots), `<${tag}> slots`).to.deep.equal([]);
      expect(fired.size, `<${tag}> fired no event`).to.be.greaterThan(0);
      expect(undocumented(declaration.events, fired), `<${tag}> events`).to.deep.equal([]);
      expect(states.size, `<${tag}> custom states seen`).to.be.greaterThan(3);
      expect(undocumented(declaration.cssStates, states), `<${tag}> custom states`).to.deep.equal([]);
    });
  }

  it('documents every part and slot <org-dashboard> and the provider render', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const parts = new Set<string>();
    const slots = new Set<string>();
    const dashboard = await fixture<api.OrgDashboard>(
      html`<org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>`,
    );
    rendered(dashboard, parts, slots);
    for (const card of dashboard.shadowRoot!.querySelectorAll('[exportparts]'))
      for (const name of card.getAttribute('exportparts')!.split(/\s*,\s*/)) parts.add(name);
    expect(undocumented(declarationOf('org-dashboard').cssParts, parts), 'parts').to.deep.equal([]);
    expect(undocumented(declarationOf('org-dashboard').slots, slots), 'slots').to.deep.equal([]);
    const provider = await fixture(html`<org-dashboard-provider></org-dashboard-provider>`);
    const providerSlots = new Set<string>();
    rendered(provider, new Set(), providerSlots);
    expect(undocumented(declarationOf('org-dashboard-provider').slots, providerSlots)).to.deep.equal([]);
  });
});
