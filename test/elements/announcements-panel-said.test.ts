/**
 * What the announcements panel says of live announcements: only those it shows. One the viewer
 * dismissed that the backend serves again (back in a refresh, or sent anew) stays hidden, and
 * nothing is said of it.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Announcement } from '../../src/contract/types.js';
import { dismissalKey } from '../../src/elements/announcements-panel/dismissals.js';
import { cardInProvider, liveRegion } from '../helpers/a11y.js';
import { dataset, settle, until } from '../helpers/data.js';

const said = (card: HTMLElement) => liveRegion(card).textContent!.trim();
const notice = (id: string, title: string): Announcement => ({
  id,
  kind: 'feature',
  title,
  body: '',
  publishedAt: new Date().toISOString(),
});

describe('<announcements-panel> says only what it shows', () => {
  afterEach(() => localStorage.removeItem(dismissalKey('o1')));

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
});
