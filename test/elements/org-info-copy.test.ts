/**
 * What `<org-info-card>` tells the viewer about a copy of the organization ID: seen and said
 * (WCAG 4.1.3), each time, failed or not, and only next to the ID that was copied.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import type { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import { deepActive } from '../helpers/a11y.js';
import { dataset, until } from '../helpers/data.js';

const COPIED = 'Organization ID copied to the clipboard';
const FAILED = 'Couldn’t copy. Select the ID and copy it yourself.';

async function cardIn(
  orgs: string[] = ['o1'],
): Promise<{ provider: OrgDashboardProvider; card: OrgInfoCard }> {
  const adapter = createMemoryAdapter(dataset(...orgs));
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id=${orgs[0]} .adapter=${adapter} locale="en-US">
      <org-info-card></org-info-card>
    </org-dashboard-provider>
  `);
  const card = provider.querySelector<OrgInfoCard>('org-info-card')!;
  await until(() => card.state === 'ready', 'ready');
  await card.updateComplete;
  return { provider, card };
}

const root = (card: OrgInfoCard) => card.shadowRoot!;
const clean = (value: string | null | undefined) => value?.replace(/\s+/g, ' ').trim() ?? '';
/** The copy's status region (the card's own live region comes after it, outside the body). */
const copyRegion = (card: OrgInfoCard) => root(card).querySelector('[part~="body"] [role="status"]')!;
const said = (card: OrgInfoCard) => clean(copyRegion(card).textContent);
const seen = (card: OrgInfoCard) =>
  clean(root(card).querySelector('.copied, .copy-failed')?.textContent) || 'nothing';
const copyButton = (card: OrgInfoCard) => root(card).querySelector<HTMLButtonElement>('[part~="copy"]')!;
/** Waits until the card shows the org `id` (named `Org <id>` by the test data). */
const orgShown = (card: OrgInfoCard, id: string) =>
  until(() => clean(root(card).querySelector('[part~="name"]')?.textContent) === `Org ${id}`, `${id} shown`);

/** No copy works: the Clipboard API is refused and so is the selection copy. */
function refuseCopies(): void {
  sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
  sinon.stub(document, 'execCommand').returns(false);
}

describe('<org-info-card> copy feedback', () => {
  afterEach(() => sinon.restore());

  it('a failed copy is said in the status region, as shown', async () => {
    refuseCopies();
    const { card } = await cardIn();
    copyButton(card).focus();
    copyButton(card).click();
    await until(() => said(card) !== '', 'something said');
    await card.updateComplete;
    expect(said(card)).to.equal(FAILED);
    expect(seen(card)).to.equal(FAILED);
    expect(getSelection()?.toString(), 'the ID left selected').to.equal('o1');
    expect(deepActive()?.getAttribute('part'), 'focus still on Copy').to.equal('action copy');
    await expect(card).to.be.accessible();
  });

  it('a second copy while "Copied" shows is said again', async () => {
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const { card } = await cardIn();
    copyButton(card).click();
    await oneEvent(card, 'od-copy-org-id');
    await card.updateComplete;
    expect(said(card)).to.equal(COPIED);

    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(copyRegion(card), { childList: true, subtree: true, characterData: true });
    setTimeout(() => copyButton(card).click());
    await oneEvent(card, 'od-copy-org-id');
    await card.updateComplete;
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(write.callCount).to.equal(2);
    expect(changes.length, 'changes of the status region').to.be.greaterThan(0);
    expect(said(card)).to.equal(COPIED);
    expect(seen(card)).to.equal('Copied');
  });

  it('"Copied" of org o1 is neither shown nor said next to o2 after an org switch', async () => {
    sinon.stub(navigator.clipboard, 'writeText').resolves();
    const { provider, card } = await cardIn(['o1', 'o2']);
    copyButton(card).click();
    await oneEvent(card, 'od-copy-org-id');
    await card.updateComplete;
    expect(`${seen(card)} | ${said(card)}`).to.equal(`Copied | ${COPIED}`);
    provider.orgId = 'o2';
    await orgShown(card, 'o2');
    await card.updateComplete;
    expect(`${seen(card)} | ${said(card)}`).to.equal('nothing | ');
    // Back to o1 before "Copied" would have gone: that copy is over.
    provider.orgId = 'o1';
    await orgShown(card, 'o1');
    await card.updateComplete;
    expect(`${seen(card)} | ${said(card)}`).to.equal('nothing | ');
  });

  it('a failed copy of o1 is not shown next to o2 after an org switch', async () => {
    refuseCopies();
    const { provider, card } = await cardIn(['o1', 'o2']);
    copyButton(card).click();
    await until(() => said(card) === FAILED, 'the failure said');
    provider.orgId = 'o2';
    await orgShown(card, 'o2');
    await card.updateComplete;
    expect(`${seen(card)} | ${said(card)}`).to.equal('nothing | ');
  });
});
