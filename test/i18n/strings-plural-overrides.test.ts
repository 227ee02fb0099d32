/**
 * `strings` layers (README, "Languages"): English, the locale's catalog, the provider's `strings`,
 * the card's. A stronger layer's plural forms replace a text that takes a count whatever shape the
 * weaker layer gave it: a catalog or a provider may write one text for every count (a plain
 * string), and the card's `{ one, other }` still wins. Forms for a text that takes no count are
 * left out, whatever the weaker layers gave.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/org-info-card.js';
import type { Organization } from '../../src/contract/types.js';
import type { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import { registerLocale } from '../../src/i18n/catalogs.js';

const org = (teamSize: number): Organization => ({
  id: 'o1',
  name: 'Acme',
  owner: { name: 'Ada' },
  createdAt: '2023-03-14T09:26:53Z',
  teamSize,
});
const seats = { one: '{count} seat', other: '{count} seats' };
const text = (card: HTMLElement, part: string) =>
  card.shadowRoot!.querySelector(`[part~="${part}"]`)!.textContent!.trim();

async function card(locale: string, provided: object, own: object, teamSize: number): Promise<OrgInfoCard> {
  const provider = await fixture(html`
    <org-dashboard-provider locale=${locale} .strings=${provided}>
      <org-info-card .strings=${own} .data=${org(teamSize)}></org-info-card>
    </org-dashboard-provider>
  `);
  const element = provider.querySelector<OrgInfoCard>('org-info-card')!;
  await element.updateComplete;
  return element;
}

describe('plural forms in `strings`', () => {
  it('win over a provider’s one text for every count', async () => {
    const provided = { orgInfoMembers: '{count} people' };
    expect(text(await card('en', provided, {}, 3), 'team-size')).to.equal('3 people');
    expect(text(await card('en', provided, { orgInfoMembers: seats }, 1), 'team-size')).to.equal('1 seat');
    expect(text(await card('en', provided, { orgInfoMembers: seats }, 3), 'team-size')).to.equal('3 seats');
  });

  it('win over a catalog’s one text for every count', async () => {
    registerLocale('sv', async () => ({
      default: { orgInfoMembers: '{count} medlemmar', orgInfoTitle: 'Org' },
    }));
    expect(text(await card('sv', {}, {}, 1), 'team-size')).to.equal('1 medlemmar');
    const forms = { one: '{count} medlem', other: '{count} medlemmar' };
    expect(text(await card('sv', { orgInfoMembers: forms }, {}, 1), 'team-size')).to.equal('1 medlem');
    expect(text(await card('sv', {}, { orgInfoMembers: forms }, 2), 'team-size')).to.equal('2 medlemmar');
  });

  it('are left out for a text that takes no count, from any layer', async () => {
    const forms = { other: 'Forms' };
    expect(text(await card('sv', { orgInfoTitle: forms }, {}, 1), 'title')).to.equal('Org');
    expect(text(await card('en', {}, { orgInfoTitle: forms }, 1), 'title')).to.equal('Organization');
    expect(text(await card('en', { orgInfoTitle: 'Company' }, { orgInfoTitle: forms }, 1), 'title')).to.equal(
      'Company',
    );
  });
});
