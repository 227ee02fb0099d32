/**
 * Escape on a time whose exact-time tooltip shows hides the tooltip and nothing else (WCAG 1.4.13):
 * a card in a host's own modal dialog must not have that dialog close too. A second Escape, with
 * no tooltip to hide, is the host's again.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/activity-feed.js';
import type { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import { live } from '../helpers/activities.js';

describe('Escape in a host dialog', () => {
  it('hides the exact time first, and only the next Escape closes the host dialog', async () => {
    const dialog = await fixture<HTMLDialogElement>(html`
      <dialog>
        <button type="button">Host control</button>
        <activity-feed locale="en-US" time-zone="UTC" .data=${[live('t', 0)]}></activity-feed>
      </dialog>
    `);
    const feed = dialog.querySelector<ActivityFeed>('activity-feed')!;
    await feed.updateComplete;
    dialog.showModal();
    const tip = feed.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
    // From the host's button to the feed's time, by keys, so the tooltip shows as for a keyboard user.
    dialog.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await elementUpdated(feed);
    const shown = getComputedStyle(tip).opacity;
    await sendKeys({ press: 'Escape' });
    await elementUpdated(feed);
    const afterFirst = `${getComputedStyle(tip).opacity} ${dialog.open}`;
    await sendKeys({ press: 'Escape' });
    const afterSecond = `${dialog.open}`;
    dialog.close();
    expect(`shown ${shown}; first Escape: tooltip ${afterFirst}; second: open ${afterSecond}`).to.equal(
      'shown 1; first Escape: tooltip 0 true; second: open false',
    );
  });
});
