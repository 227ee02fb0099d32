/**
 * The exact time of a list's relative times (`ExactTimeController`, WCAG 1.4.13): Escape hides
 * each exact time that shows (on hover or on the focused time) and is the host's when none shows,
 * so a host's modal dialog around the card closes on the first Escape that has nothing to hide.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/activity-feed.js';
import '../../src/define/announcements-panel.js';
import type { Activity } from '../../src/contract/types.js';
import type { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { live } from '../helpers/activities.js';
import { maintenanceNotice } from '../helpers/data.js';

/** Presses Escape as a keyboard does (on the document, cancelable); whether the card took it. */
function escape(): boolean {
  const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  document.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Until no update of `el` is pending (one may ask for another). */
async function rendered(el: { updateComplete: Promise<boolean> }): Promise<void> {
  for (let i = 0; i < 5 && !(await el.updateComplete); i += 1);
}

const whenOf = (feed: ActivityFeed, id: string) =>
  feed.shadowRoot!.querySelector<HTMLElement>(`li[data-id="${id}"] .when`);
const dismissed = (feed: ActivityFeed) =>
  [...feed.shadowRoot!.querySelectorAll('.when.tooltip-hidden')].map(
    (when) => when.closest<HTMLElement>('[data-id]')!.dataset.id,
  );
const pointerOn = (when: Element, from: Element | null = null) =>
  when.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: from }));
const pointerOff = (when: Element, to: Element | null = null) =>
  when.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: to }));

const feedOf = (data: Activity[]) =>
  fixture<ActivityFeed>(html`<activity-feed locale="en-US" time-zone="UTC" .data=${data}></activity-feed>`);

describe('ExactTimeController', () => {
  it('Escape after the row under the pointer left the list is the host’s', async () => {
    const feed = await feedOf([live('t', 0), live('u', 1)]);
    pointerOn(whenOf(feed, 't')!);
    feed.data = [live('u', 1)];
    await rendered(feed);
    expect(escape()).to.equal(false);
  });

  it('Escape with focus on a row’s own control (no exact time showing) is the host’s', async () => {
    const panel = await fixture<AnnouncementsPanel>(
      html`<announcements-panel
        locale="en-US"
        time-zone="UTC"
        .data=${[maintenanceNotice({ url: 'https://status.example.com/n1' })]}
      ></announcements-panel>`,
    );
    const row = panel.shadowRoot!.querySelector('[data-id]')!;
    const controls = [...row.querySelectorAll<HTMLElement>('a[href], button')];
    const taken = controls.map((control) => {
      control.focus();
      return `${control.localName}: ${escape()}`;
    });
    expect(taken.length).to.be.greaterThan(0);
    expect(taken.join(', ')).to.equal(controls.map((control) => `${control.localName}: false`).join(', '));
  });

  it('the exact time under the pointer is dismissible while another time has focus', async () => {
    const feed = await feedOf([live('t', 0), live('u', 1)]);
    whenOf(feed, 't')!.querySelector('time')!.focus();
    pointerOn(whenOf(feed, 'u')!);
    const first = escape();
    await rendered(feed);
    const afterFirst = dismissed(feed).sort().join(' ');
    const second = escape();
    expect(`${first} [${afterFirst}] ${second}`).to.equal('true [t u] false');
  });

  it('a dismissed entry that leaves the list and comes back shows its exact time again', async () => {
    const feed = await feedOf([live('t', 0), live('u', 1)]);
    pointerOn(whenOf(feed, 't')!);
    escape();
    await rendered(feed);
    feed.data = [live('u', 1)];
    await rendered(feed);
    feed.data = [live('t', 0), live('u', 1)];
    await rendered(feed);
    expect(dismissed(feed)).to.deep.equal([]);
  });

  /**
   * Generated sequences of pointer, focus, Escape and list changes against the rule: an exact time
   * shows on the time under the pointer and on the focused time; Escape hides each one showing (and
   * is the host's when none does) until the pointer or focus leaves it or its row goes.
   */
  it('generated: Escape hides what shows, and only then is not the host’s', async () => {
    const ids = ['a', 'b', 'c'];
    const entry = (id: string) => live(id, ids.indexOf(id));
    const action = fc.oneof(
      fc.record({ kind: fc.constant('hover' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('unhover' as const) }),
      fc.record({ kind: fc.constant('focus' as const), id: fc.constantFrom(...ids) }),
      fc.record({ kind: fc.constant('blur' as const) }),
      fc.record({ kind: fc.constant('escape' as const) }),
      fc.record({ kind: fc.constant('toggle' as const), id: fc.constantFrom(...ids) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const feed = await feedOf(ids.map(entry));
        let present = [...ids];
        let hovered: string | undefined;
        let focused: string | undefined;
        const hidden = new Set<string>();
        const focusedEntry = () => {
          const active = feed.shadowRoot!.activeElement;
          return active?.localName === 'time'
            ? active.closest<HTMLElement>('[data-id]')?.dataset.id
            : undefined;
        };
        // Each run's feed leaves before the next: a feed on the page listens for Escape.
        try {
          for (const step of actions) {
            if (step.kind === 'hover' && present.includes(step.id) && hovered !== step.id) {
              const previous = hovered === undefined ? null : whenOf(feed, hovered);
              if (previous) pointerOff(previous, whenOf(feed, step.id));
              pointerOn(whenOf(feed, step.id)!, previous);
              if (hovered !== undefined) hidden.delete(hovered);
              hovered = step.id;
            } else if (step.kind === 'unhover' && hovered !== undefined) {
              pointerOff(whenOf(feed, hovered)!);
              hidden.delete(hovered);
              hovered = undefined;
            } else if (step.kind === 'focus' && present.includes(step.id)) {
              whenOf(feed, step.id)!.querySelector('time')!.focus();
              if (focused !== undefined && focused !== step.id) hidden.delete(focused);
              focused = step.id;
            } else if (step.kind === 'blur' && focused !== undefined) {
              whenOf(feed, focused)!.querySelector('time')!.blur();
              hidden.delete(focused);
              focused = undefined;
            } else if (step.kind === 'escape') {
              const showing = [focused, hovered].filter((id) => id !== undefined && !hidden.has(id));
              expect(escape(), `Escape taken, showing [${showing.join(' ')}]`).to.equal(showing.length > 0);
              for (const id of showing) hidden.add(id!);
            } else if (step.kind === 'toggle') {
              const removing = present.includes(step.id);
              present = removing
                ? present.filter((id) => id !== step.id)
                : ids.filter((id) => present.includes(id) || id === step.id);
              feed.data = present.map(entry);
              await rendered(feed);
              if (removing) {
                hidden.delete(step.id);
                if (hovered === step.id) hovered = undefined;
                // Focus lost with its row goes where the card's FocusKeeper puts it.
                if (focused === step.id) focused = focusedEntry();
              }
            }
            await rendered(feed);
            expect(dismissed(feed).sort(), `dismissed after ${step.kind}`).to.deep.equal(
              [...hidden].filter((id) => present.includes(id)).sort(),
            );
          }
        } finally {
          feed.remove();
        }
      }),
      { numRuns: 40 },
    );
  });
});
