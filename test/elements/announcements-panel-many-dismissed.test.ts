/**
 * Dismissals of an org with many announcements. The stored list is bounded (older dismissals are
 * forgotten beyond 500), but what is forgotten first is the dismissal of an announcement that is
 * no longer served: a viewer who dismissed 501 announcements the org still shows keeps them all
 * dismissed after a reload. The contract sets no length limit on the list.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/announcements-panel.js';
import type { Announcement } from '../../src/contract/types.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { dismissalKey, forgetDismissalsInMemory } from '../../src/elements/announcements-panel/dismissals.js';

const START = Date.parse('2026-01-01T00:00:00Z');
const announcement = (i: number): Announcement => ({
  id: `a${i}`,
  kind: 'update',
  title: `Title ${i}`,
  body: '',
  publishedAt: new Date(START + i * 60_000).toISOString(),
});

const ids = (panel: AnnouncementsPanel) =>
  [...panel.shadowRoot!.querySelectorAll<HTMLLIElement>('li[data-id]')].map((li) => li.dataset.id);
const stored = () => JSON.parse(localStorage.getItem(dismissalKey('o1', 'u')) ?? '[]') as string[];

async function panel(list: Announcement[]): Promise<AnnouncementsPanel> {
  const el = await fixture<AnnouncementsPanel>(html`
    <announcements-panel org-id="o1" user-id="u" locale="en-US" .data=${list}></announcements-panel>
  `);
  await el.updateComplete;
  return el;
}

const dismiss = async (el: AnnouncementsPanel, id: string) => {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`li[data-id="${id}"] [part~="dismiss"]`)!.click();
  await el.updateComplete;
};

describe('<announcements-panel>: many dismissed announcements', () => {
  beforeEach(() => {
    localStorage.clear();
    forgetDismissalsInMemory();
  });
  afterEach(() => {
    localStorage.clear();
    forgetDismissalsInMemory();
  });

  it('keeps every announcement still served dismissed after a reload, past 500', async () => {
    const list = Array.from({ length: 502 }, (_, i) => announcement(i));
    // An earlier visit dismissed 500 of them.
    localStorage.setItem(dismissalKey('o1', 'u'), JSON.stringify(list.slice(0, 500).map((a) => a.id)));
    const first = await panel(list);
    expect(ids(first)).to.deep.equal(['a501', 'a500']);
    await dismiss(first, 'a500');
    await dismiss(first, 'a501');
    expect(ids(first)).to.deep.equal([]);

    // A reload.
    forgetDismissalsInMemory();
    const again = await panel(list);
    expect(ids(again)).to.deep.equal([]);
    expect(stored()).to.have.length(502);
  });

  it('forgets dismissals of announcements no longer served first, staying within the bound', async () => {
    const gone = Array.from({ length: 500 }, (_, i) => `gone${i}`);
    localStorage.setItem(dismissalKey('o1', 'u'), JSON.stringify(gone));
    const list = [announcement(1), announcement(2)];
    const el = await panel(list);
    await dismiss(el, 'a2');
    await dismiss(el, 'a1');
    const kept = stored();
    expect(kept).to.have.length(500);
    expect(kept).to.include.members(['a1', 'a2', 'gone2', 'gone499']);
    expect(kept).to.not.include.members(['gone0', 'gone1']);
  });
});
