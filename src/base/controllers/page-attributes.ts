import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { composedClosest } from '../../i18n/direction.js';

/** The attributes an element takes from the page around it. */
export type PageAttribute = 'dir' | 'lang';

const WATCHED: PageAttribute[] = ['dir', 'lang'];

/**
 * The `dir` and `lang` an element takes from the page: the nearest one on the
 * element or an ancestor, through the shadow roots it sits in. Each is found
 * once and kept until a `dir` or `lang` changes in any tree the element sits
 * in, or it moves: finding it walks up every tree, which every update of a
 * card paid (a live event on a dashboard, a clock tick). A change renders the
 * element again, so a page that switches its direction or language is
 * followed at once, not at the element's next update.
 */
export class PageAttributes implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #found = new Map<PageAttribute, string | null>();
  #observer?: MutationObserver;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#found.clear();
    if (typeof MutationObserver !== 'function') return;
    this.#observer ??= new MutationObserver(() => {
      this.#found.clear();
      this.#host.requestUpdate();
    });
    // Every tree the element sits in: a tree's observer does not see into the shadow roots in it.
    let root = this.#host.getRootNode();
    for (;;) {
      this.#observer.observe(root, { attributes: true, attributeFilter: WATCHED, subtree: true });
      if (!(root instanceof ShadowRoot)) break;
      root = root.host.getRootNode();
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#found.clear();
  }

  /** The nearest `name` of the element or an ancestor; null when there is none (or no page, on a server). */
  get(name: PageAttribute): string | null {
    let value = this.#found.get(name);
    if (value === undefined) {
      value = composedClosest(this.#host, `[${name}]`)?.getAttribute(name) ?? null;
      // Kept only while watched: a value found before the element is connected may change unseen.
      if (this.#host.isConnected && this.#observer) this.#found.set(name, value);
    }
    return value;
  }
}
