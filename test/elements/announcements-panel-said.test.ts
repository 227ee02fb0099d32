/**
 * What the announcements panel says of live announcements: only those it shows. One the viewer
 * dismissed that the backend serves again (back in a refresh, or sent anew) stays hidden, and
 * nothing is said of it. And it says "new" of what its "New" badges call new: one published
 * before the viewer's read mark (sent late, or backdated) arrives without a badge and unsaid, as
 * sighted viewers see no news in it; until 2026-12 it was said to be new.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Announcement } from '../../src/contract/types.js';
import { dismissalKey } from '../../src/elements/announcements-panel/dismissals.js';
import { readMarkKey } from '../../src/elements/announcements-panel/read-mark.js';
import { cardInProvider, liveRegion } from '../helpers/a11y.js';
import { dataset, settle, until } from '../helpers/data.js';

const said = (card: HTMLElement) => liveRegion(card).textContent!.trim();
const notice = (id: string, title: string, publishedAt = new Date()): Announcement => ({
  id,
  kind: 'feature',
  title,
  body: '',
  publishedAt: publishedAt.toISOString(),
});
const newBadges = (card: HTMLElement) =>
  [...card.shadowRoot!.querySelectorAll('[part~="item"]')]
    .filter((item) => item.querySelector('[part~="new"]'))
    .map((item) => item.querySelector('[part~="item-title"]')!.textContent!.replace(/\s+/g, ' ').trim());

describe('<announcements-panel> says only what it shows', () => {
  afterEach(() => {
    localStorage.removeItem(dismissalKey('o1'));
    localStorage.removeItem(readMarkKey('o1'));
  });

  it('a dismissed announcement served again: hidden, and not said', async () => {
    localStorage.setItem(dismissalKey('o1'), JSON.stringify(['back']));
    const adapter = createMemoryAdapter(dataset('o1'));
    const { card } = await cardInProvider('announcements-panel', adapter);
    await settle();
    adapter.emit('o1', { topic: 'announcements', data: notice('back', 'Dismissed before') });
    adapter.emit('o1', { topic: 'announcements', data: notice('fresh', 'Dark mode') });
    await until(() => said(card) !== '', 'something said');
    expect(said(card)).to.equal('New announcement: Dark mode');
  });

  it('one published before the read mark: no "New" badge, and not said to be new', async () => {
    const hourAgo = new Date(Date.now() - 3600_000);
    localStorage.setItem(readMarkKey('o1'), new Date(Date.now() - 60_000).toISOString());
    const adapter = createMemoryAdapter(dataset('o1'));
    const { card } = await cardInProvider('announcements-panel', adapter);
    await settle();
    adapter.emit('o1', { topic: 'announcements', data: notice('late', 'Sent late', hourAgo) });
    adapter.emit('o1', { topic: 'announcements', data: notice('fresh', 'Dark mode') });
    await until(() => said(card) !== '', 'something said');
    expect({ said: said(card), badges: newBadges(card) }).to.deep.equal({
      said: 'New announcement: Dark mode',
      badges: ['Dark mode New'],
    });
  });

  it('only ones published before the read mark: nothing said', async () => {
    localStorage.setItem(readMarkKey('o1'), new Date(Date.now() - 60_000).toISOString());
    const adapter = createMemoryAdapter(dataset('o1'));
    const { card } = await cardInProvider('announcements-panel', adapter);
    await settle();
    adapter.emit('o1', {
      topic: 'announcements',
      data: notice('late', 'Sent late', new Date(Date.now() - 3600_000)),
    });
    await until(() => card.shadowRoot!.textContent!.includes('Sent late'), 'shown');
    // The pause of the live region (5 s) is not waited out: a summary would be said at once (the first).
    await settle();
    expect({ said: said(card), badges: newBadges(card) }).to.deep.equal({ said: '', badges: [] });
  });
});
