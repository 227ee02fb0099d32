import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where the reader was in a scrolled list: an entry and its distance from the list's top. */
interface Anchor {
  id: string;
  offset: number;
}

/**
 * Keeps a reader's place in a scrolling list whose entries arrive at the top:
 * before an update it notes the first entry the reader can see (an `<li>`
 * with `data-id`, child of the list) and where it was, and after the update
 * scrolls so that entry is where it was, whatever arrived above it. A list
 * at the very top is left alone: new entries simply show up.
 *
 * The list binds `onScroll` to its `scroll` event. Layout is read before an
 * update only once the reader has scrolled the list down, as its last scroll
 * event found it: reading `scrollTop` in every update would force the page's
 * pending layout in the middle of every live event. A scroll is known from
 * its event, dispatched with the next frame, so an update in the same frame
 * as a reader's first scroll finds no place to keep (browsers with scroll
 * anchoring keep it).
 */
export class ScrollAnchor implements ReactiveController {
  #anchor?: Anchor;
  #scrolled = false;

  /** For the list's `@scroll`. */
  readonly onScroll = (event: Event): void => {
    this.#scrolled = (event.currentTarget as HTMLElement).scrollTop > 0;
  };

  /** `list` finds the list now; null while there is none (no render root on a server). */
  constructor(
    host: ReactiveControllerHost,
    private readonly list: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  /** Before the update's render: the first entry the reader can see, if they scrolled down. */
  hostUpdate(): void {
    this.#anchor = undefined;
    const list = this.#scrolled ? this.list() : null;
    // A skeleton's list holds no entries to keep.
    if (!list || list.getAttribute('aria-hidden') === 'true') return;
    // Back at the top (or a new list since): no need to read again before the next scroll.
    if (list.scrollTop <= 0) return void (this.#scrolled = false);
    for (const entry of entriesOf(list)) {
      if (entry.offsetTop + entry.offsetHeight > list.scrollTop) {
        this.#anchor = { id: entry.dataset.id ?? '', offset: entry.offsetTop - list.scrollTop };
        return;
      }
    }
  }

  hostUpdated(): void {
    const anchor = this.#anchor;
    this.#anchor = undefined;
    // Nothing kept (a list at the top): no need to look for the list on this update.
    const list = anchor ? this.list() : null;
    if (!anchor || !list) return;
    const entry = entriesOf(list).find((li) => li.dataset.id === anchor.id);
    if (entry) list.scrollTop = entry.offsetTop - anchor.offset;
  }
}

const entriesOf = (list: HTMLElement): HTMLElement[] => [
  ...list.querySelectorAll<HTMLElement>(':scope > li[data-id]'),
];
