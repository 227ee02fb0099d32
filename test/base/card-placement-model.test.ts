/**
 * Where a card is and what it was given decides what it shows (DESIGN.md: "A card works three
 * ways", "takes each of these from the provider unless it sets its own"). Generated sequences of
 * moves (between two providers and out of both, in one task or with a removal between), own
 * `org-id`, own `adapter`, controlled `data` and the providers' own org changes, against a model of
 * what the card must show after each; and once every element has left, no live connection is left.
 * Also properties a host set before a tag was defined.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Organization } from '../../src/contract/types.js';
import { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import { orgDataset, settle, until } from '../helpers/data.js';

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';

const MINE: Organization = {
  id: 'x',
  name: 'Mine',
  owner: { name: 'A' },
  createdAt: '2023-03-14T09:26:53Z',
  teamSize: 1,
};

const PLACES = ['p1', 'p2', 'out'] as const;
type Place = (typeof PLACES)[number];

const step = fc.oneof(
  // Moved in one task, as frameworks reorder.
  fc.record({ kind: fc.constant('move' as const), to: fc.constantFrom(...PLACES) }),
  // Removed, and added again in a later task.
  fc.record({ kind: fc.constant('readd' as const), to: fc.constantFrom(...PLACES) }),
  fc.record({ kind: fc.constant('org' as const), org: fc.constantFrom('o1', 'o2', undefined) }),
  fc.record({ kind: fc.constant('adapter' as const), own: fc.boolean() }),
  fc.record({ kind: fc.constant('data' as const), on: fc.boolean() }),
  fc.record({
    kind: fc.constant('providerOrg' as const),
    provider: fc.constantFrom('p1', 'p2'),
    org: fc.constantFrom('o1', 'o2'),
  }),
);

/** What the card shows, as the model says it: its org's name, or its state, and its texts' language. */
function shownBy(card: OrgInfoCard): string {
  const lang = card.shadowRoot?.querySelector('[lang]')?.getAttribute('lang');
  if (card.matches(':state(access-hidden)')) return lang ? `hidden, yet lang ${lang}` : 'hidden';
  if (card.state === 'loading' || card.state === 'no-access') return `${card.state} ${lang}`;
  return `${clean(card.shadowRoot?.querySelector('[part~="name"]')?.textContent)} ${lang}`;
}

describe('a card’s place and settings, generated', () => {
  it('shows what its provider, its own settings or its data say, and leaves nothing live', async () => {
    // The providers' adapter: the viewer may not read o2's organization there.
    const o2 = orgDataset('o2', 'P o2');
    o2.access = { permissions: ['plan:read'] };
    const shared = createMemoryAdapter({ o1: orgDataset('o1', 'P o1'), o2 });
    const own = createMemoryAdapter({ o1: orgDataset('o1', 'Own o1'), o2: orgDataset('o2', 'Own o2') });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const host = await fixture<HTMLElement>(
          html`<div>
            <org-dashboard-provider
              id="p1"
              org-id="o1"
              locale="de"
              .adapter=${shared}
            ></org-dashboard-provider>
            <org-dashboard-provider
              id="p2"
              org-id="o2"
              locale="fr"
              access-denied="hide"
              .adapter=${shared}
            ></org-dashboard-provider>
            <div id="out"></div>
          </div>`,
        );
        const card = document.createElement('org-info-card') as OrgInfoCard;
        host.querySelector('#p1')!.append(card);
        let place: Place = 'p1';
        const providerOrg: Record<string, string> = { p1: 'o1', p2: 'o2' };
        let ownOrg: string | undefined;
        let ownAdapter = false;
        let controlled = false;
        const done: string[] = [];
        try {
          for (const s of steps) {
            done.push(JSON.stringify(s));
            if (s.kind === 'move') {
              host.querySelector(`#${s.to}`)!.append(card);
              place = s.to;
            } else if (s.kind === 'readd') {
              card.remove();
              await settle(2);
              host.querySelector(`#${s.to}`)!.append(card);
              place = s.to;
            } else if (s.kind === 'org') {
              card.orgId = s.org;
              ownOrg = s.org;
            } else if (s.kind === 'adapter') {
              card.adapter = s.own ? own : undefined;
              ownAdapter = s.own;
            } else if (s.kind === 'data') {
              card.data = s.on ? MINE : undefined;
              controlled = s.on;
            } else {
              host.querySelector<OrgDashboardProvider>(`#${s.provider}`)!.orgId = s.org;
              providerOrg[s.provider] = s.org;
            }
            const org = ownOrg ?? (place === 'out' ? undefined : providerOrg[place]);
            const adapter = ownAdapter ? 'Own' : place === 'out' ? undefined : 'P';
            const lang = place === 'p1' ? 'de' : place === 'p2' ? 'fr' : 'en';
            const expected = controlled
              ? `Mine ${lang}`
              : adapter === 'P' && org === 'o2'
                ? place === 'p2'
                  ? 'hidden'
                  : `no-access ${lang}`
                : org && adapter
                  ? `${adapter} ${org} ${lang}`
                  : `loading ${lang}`;
            // The step's update first (the state read before it is the previous one's), then its data.
            await settle(2);
            await card.updateComplete;
            await until(() => shownBy(card) === expected, expected, 5000).catch(() => undefined);
            expect(shownBy(card), done.join(' ')).to.equal(expected);
          }
        } finally {
          host.remove();
          await settle(5);
        }
        expect(`live: ${shared.subscriberCount} ${own.subscriberCount}`, done.join(' ')).to.equal(
          'live: 0 0',
        );
      }),
      { numRuns: 40 },
    );
  });

  it('a standalone card given org-id and adapter before its tag is defined loads that org', async () => {
    const adapter = createMemoryAdapter({ o1: orgDataset('o1') });
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const card = document.createElement('placement-preset-card') as OrgInfoCard;
    card.orgId = 'o1';
    card.adapter = adapter;
    host.append(card);
    customElements.define('placement-preset-card', class extends OrgInfoCard {});
    await until(() => card.state === 'ready', 'ready');
    expect(clean(card.shadowRoot!.querySelector('[part~="name"]')?.textContent)).to.equal('Org o1');
  });

  it('a provider given org-id and adapter before its tag is defined serves the card inside', async () => {
    const adapter = createMemoryAdapter({ o1: orgDataset('o1') });
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const provider = document.createElement('placement-preset-provider') as OrgDashboardProvider;
    provider.orgId = 'o1';
    provider.adapter = adapter;
    const card = document.createElement('org-info-card') as OrgInfoCard;
    provider.append(card);
    host.append(provider);
    customElements.define('placement-preset-provider', class extends OrgDashboardProvider {});
    await until(() => card.state === 'ready', 'ready');
    expect(clean(card.shadowRoot!.querySelector('[part~="name"]')?.textContent)).to.equal('Org o1');
  });
});
