import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where focus was: the focused element's `part` and its place among the elements with that same `part`. */
interface Place {
  part: string | null;
  index: number;
}

export interface FocusKeeperOptions {
  /**
   * Whether what the element shows is on its way (a card loading): a place focus had, and that
   * the heading stands in for meanwhile, may come back then (a Retry that failed again).
   */
  busy: () => boolean;
  /** Where lost focus goes when nothing has its place, before the heading (the log's list). */
  fallback?: () => HTMLElement | null | undefined;
}

/**
 * Keeps keyboard focus in the element when a render removes the element that had it: a Retry
 * that gives way to the skeleton, the stale note leaving once a refresh succeeds, a feed row a live
 * entry pushes out. Without this focus falls to `<body>`, the next Tab starts from the top of the
 * page and a screen reader says nothing about where the viewer is (WCAG 2.4.3).
 *
 * Focus goes to the element that now has the same `part` at the same place (or the last of them):
 * the new Retry of an error shown again, the feed row that took the place of the one pushed out.
 * Else to the element's own fallback if it has one (the log's list), else to the heading
 * (`[part=title]`, focusable only while it has focus), and from there back to
 * such an element if one comes while the element is still busy. Only focus that was lost moves:
 * where the viewer or the element's own code put it elsewhere, it stays.
 */
export class FocusKeeper implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: FocusKeeperOptions;
  /** Where focus was when this update began; undefined when it was not in the element. */
  #before?: Place;
  /** The place the heading stands in for, while the element is busy. */
  #awaited?: Place;

  constructor(host: ReactiveControllerHost & HTMLElement, options: FocusKeeperOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    // No shadow root when rendered on a server.
    const root = this.#host.shadowRoot;
    const focused = root?.activeElement;
    this.#before = root && focused ? placeOf(root, focused) : undefined;
  }

  hostUpdated(): void {
    const root = this.#host.shadowRoot;
    if (!root) return;
    const before = this.#before;
    this.#before = undefined;
    if (before && !root.activeElement && focusLost()) {
      this.#restore(root, before);
      return;
    }
    this.#comeBack(root);
  }

  #restore(root: ShadowRoot, place: Place): void {
    for (const target of [elementAt(root, place), this.#options.fallback?.()]) {
      if (!target) continue;
      target.focus();
      if (root.activeElement === target) return;
    }
    const heading = focusHeading(root);
    this.#awaited = heading && this.#options.busy() ? place : undefined;
  }

  /** Back from the heading to the place it stood in for, once that is rendered again. */
  #comeBack(root: ShadowRoot): void {
    const awaited = this.#awaited;
    if (!awaited) return;
    const heading = root.querySelector('[part="title"]');
    if (!heading || root.activeElement !== heading) {
      this.#awaited = undefined;
      return;
    }
    const target = elementAt(root, awaited);
    if (target) {
      this.#awaited = undefined;
      target.focus();
    } else if (!this.#options.busy()) {
      this.#awaited = undefined;
    }
  }
}

/** Whether focus is nowhere: on the body, as when the focused element was removed. */
function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

function placeOf(root: ShadowRoot, element: Element): Place {
  const part = element.getAttribute('part');
  return { part, index: withPart(root, part).indexOf(element) };
}

/** The elements whose `part` is exactly `part` (none for an element without one: only the heading is left). */
function withPart(root: ShadowRoot, part: string | null): Element[] {
  if (!part) return [];
  return [...root.querySelectorAll('[part]')].filter((element) => element.getAttribute('part') === part);
}

/** The element with the place's `part` at its index, else the last one with that `part`. */
function elementAt(root: ShadowRoot, { part, index }: Place): HTMLElement | undefined {
  const candidates = withPart(root, part);
  const element = candidates[index] ?? candidates.at(-1);
  return element instanceof HTMLElement ? element : undefined;
}

/**
 * Focuses the heading, made focusable for as long as it has focus (never a Tab stop); returns
 * whether it took focus.
 */
function focusHeading(root: ShadowRoot): boolean {
  const heading = root.querySelector<HTMLElement>('[part="title"]');
  if (!heading) return false;
  const made = !heading.hasAttribute('tabindex');
  if (made) heading.setAttribute('tabindex', '-1');
  heading.focus();
  const taken = root.activeElement === heading;
  if (made && taken)
    heading.addEventListener('blur', () => heading.removeAttribute('tabindex'), { once: true });
  else if (made) heading.removeAttribute('tabindex');
  return taken;
}
