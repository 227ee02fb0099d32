import { elementUpdated, expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { dataset, orgDataset, until } from '../helpers/data.js';
import { expectPartTexts, reach as ready, shadowText as text } from '../helpers/card-fixtures.js';

async function cardIn(adapter: MemoryAdapter, orgId = 'o1'): Promise<OrgInfoCard> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id=${orgId} .adapter=${adapter} locale="en-US" time-zone="UTC">
      <org-info-card></org-info-card>
    </org-dashboard-provider>
  `);
  return provider.querySelector('org-info-card')!;
}

describe('<org-info-card>', () => {
  afterEach(() => sinon.restore());

  describe('inside a provider', () => {
    it('shows name, ID, owner, created date and time in the viewer zone, and team size', async () => {
      const card = await cardIn(createMemoryAdapter(dataset('o1')));
      await ready(card);
      expectPartTexts(card, {
        name: 'Org o1',
        id: 'o1',
        owner: 'Ada Lovelace',
        created: 'Mar 14, 2023, 9:26 AM',
      });
      expect(card.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal(
        '2023-03-14T09:26:53.000Z',
      );
      expect(text(card, '[part~="team-size"]')).to.equal('1,234 members');
      expect(card.matches(':state(ready)')).to.equal(true);
      await expect(card).to.be.accessible();
    });

    it('formats for the locale and time zone it is given', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="de-DE" time-zone="Asia/Tokyo">
          <org-info-card></org-info-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('org-info-card')!;
      await ready(card);
      expectPartTexts(card, { created: '14.03.2023, 18:26', 'team-size': '1.234 Mitglieder' });
    });

    it('falls back instead of throwing on a bad locale or time zone', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const card = await fixture<OrgInfoCard>(
        html`<org-info-card
          org-id="o1"
          .adapter=${adapter}
          locale="not a locale!"
          time-zone="Mars/Base"
        ></org-info-card>`,
      );
      await ready(card);
      expect(text(card, '[part~="team-size"]')).to.match(/1.?234/);
    });

    it('names network, timeout and invalid-data failures in words', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      adapter.failNext('getOrganization', 'network');
      const card = await cardIn(adapter);
      await ready(card, 'error');
      expect(text(card, '[part~="error"]')).to.contain('Couldn’t reach the server');
    });

    it('shows live changes of the organization', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const card = await cardIn(adapter);
      await ready(card);
      adapter.emit('o1', {
        topic: 'organization',
        data: { ...orgDataset('o1').organization, name: 'Renamed' },
      });
      await elementUpdated(card);
      expect(text(card, '[part~="name"]')).to.equal('Renamed');
    });

    it('takes replacement strings from the provider and from the card, the card winning', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider
          org-id="o1"
          .adapter=${adapter}
          .strings=${{ orgInfoTitle: 'Workspace owner', orgInfoOwner: 'Propriétaire' }}
        >
          <org-info-card .strings=${{ orgInfoTitle: 'Über' }}></org-info-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('org-info-card')!;
      await ready(card);
      expect(text(card, '[part~="title"]')).to.equal('Über');
      expect(card.shadowRoot!.textContent).to.contain('Propriétaire');
    });

    it('renders right-to-left and very long names without breaking', async () => {
      const data = dataset('o1');
      data.o1.organization.name = 'شركة الأمثلة المحدودة'.repeat(10);
      const card = await cardIn(createMemoryAdapter(data));
      await ready(card);
      expect(card.getBoundingClientRect().width).to.be.lessThan(window.innerWidth + 1);
    });
  });

  describe('copying the ID', () => {
    it('copies with the Clipboard API, confirms visibly and aloud, and fires od-copy-org-id', async () => {
      const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
      const card = await cardIn(createMemoryAdapter(dataset('o1')));
      await ready(card);
      const button = card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy"]')!;
      expect(button.getAttribute('aria-label')).to.equal('Copy organization ID o1');
      setTimeout(() => button.click());
      const event = await oneEvent(card, 'od-copy-org-id');
      expect(event.detail).to.deep.equal({ orgId: 'o1' });
      expect(event.cancelable).to.equal(false);
      expect(event.composed).to.equal(true);
      expect(write.calledWith('o1')).to.equal(true);
      await elementUpdated(card);
      expect(text(card, '.copied')).to.equal('Copied');
      expect(text(card, '[role="status"]')).to.equal('Organization ID copied to the clipboard');
      await expect(card).to.be.accessible();
    });

    it('falls back to a selection copy where the Clipboard API is refused', async () => {
      sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
      const exec = sinon.stub(document, 'execCommand').returns(true);
      const card = await cardIn(createMemoryAdapter(dataset('o1')));
      await ready(card);
      setTimeout(() => card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy"]')!.click());
      await oneEvent(card, 'od-copy-org-id');
      expect(exec.calledWith('copy')).to.equal(true);
    });

    it('says so and selects the ID when no copy works', async () => {
      sinon.stub(navigator.clipboard, 'writeText').rejects(new Error('no'));
      sinon.stub(document, 'execCommand').returns(false);
      const fired = sinon.spy();
      const card = await cardIn(createMemoryAdapter(dataset('o1')));
      card.addEventListener('od-copy-org-id', fired);
      await ready(card);
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy"]')!.click();
      await until(() => Boolean(card.shadowRoot!.querySelector('.copy-failed')));
      expect(fired.callCount).to.equal(0);
    });
  });

  describe('standalone', () => {
    it('shows not-found for an unknown org', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const card = await fixture<OrgInfoCard>(
        html`<org-info-card org-id="nope" .adapter=${adapter}></org-info-card>`,
      );
      await ready(card, 'error');
      expect(card.error?.code).to.equal('not-found');
      expect(text(card, '[part~="error"]')).to.contain('wasn’t found');
    });
  });
});
