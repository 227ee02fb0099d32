import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** The exact time on hover and focus: with seconds and the time zone, so it is unambiguous. */
export const EXACT_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'long' };

/**
 * The relative times of a list (activity, announcements): each is focusable
 * and shows its exact time on hover and keyboard focus. Escape hides each one
 * shown (the focused time's and the one under the pointer), without moving
 * pointer or focus, until the pointer or focus leaves it (WCAG 1.4.13:
 * dismissible, hoverable, persistent); with none shown, Escape is the host's.
 * Entries are told apart by the `data-id` of the list item around the time.
 */
export class ExactTimeController implements ReactiveController {
  /**
   * The time and tooltip (`.when`) under the pointer, as mouseover last found it. An element, not an
   * entry's id: a row removed under the pointer gets no mouseout (its tooltip is gone, nothing to
   * dismiss), and a row a new entry took over shows that entry's time.
   */
  private hovered?: Element;
  /** The entries whose exact time Escape hid: the focused one and the one under the pointer may differ. */
  private readonly hidden = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode }) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKeydown);
    // One set of listeners per card, not three per time: a live entry adds a row with no event
    // bindings. Events that bubble, as Chromium sends `mouseenter` only where something listens for it.
    for (const type of BUBBLING) this.host.renderRoot.addEventListener(type, this.onTarget);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKeydown);
    for (const type of BUBBLING) this.host.renderRoot.removeEventListener(type, this.onTarget);
  }

  /**
   * A dismissal lasts while its time has the pointer or focus. A row removed (or taken over by a new
   * entry) under them sends no mouseout or focusout: its dismissal ends here, so the entry, should
   * it come back, shows its exact time again on hover and focus.
   */
  hostUpdated(): void {
    // A removed row is not held on to.
    if (this.hovered && !this.hovered.isConnected) this.hovered = undefined;
    if (this.hidden.size === 0) return;
    const shown = this.shown();
    for (const id of [...this.hidden]) if (!shown.includes(id)) this.leave(id);
  }

  /**
   * The relative time in `<time>`, and the exact time as its tooltip and its
   * description for screen readers: the tooltip itself is hidden from them, or
   * they would read the exact time twice, once as text of the list. `index` makes the tooltip's id: ids from
   * data may hold anything, a number is a safe IDREF (unique in the list; a
   * list that keeps rows across updates passes a number that stays with its entry).
   */
  render(entry: {
    id: string;
    index: number;
    datetime: string;
    relative: string;
    exact: string;
  }): TemplateResult {
    const tipId = `exact-time-${entry.index}`;
    return html`<span class="when ${this.hidden.has(entry.id) ? 'tooltip-hidden' : ''}"
      ><time part="time" datetime=${entry.datetime} tabindex="0" aria-describedby=${tipId}
        >${entry.relative}</time
      ><span part="tooltip" id=${tipId} aria-hidden="true">${entry.exact}</span></span
    >`;
  }

  /** Whether Escape hid the exact time of entry `id` (a cached row must render again when it changes). */
  isHidden(id: string): boolean {
    return this.hidden.has(id);
  }

  /**
   * The pointer entering or leaving a time and its tooltip (`.when`), as `mouseenter` and
   * `mouseleave` on it would tell: moves between its own children are neither. Focus leaving the time.
   */
  private readonly onTarget = (event: Event): void => {
    const target = event.target as Element;
    const when = target.closest?.('.when');
    const id = when ? entryIdOf(when) : undefined;
    if (!when || id === undefined) return;
    if (event.type === 'focusout') {
      if (target.localName === 'time') this.leave(id);
      return;
    }
    const other = (event as MouseEvent).relatedTarget;
    if (other instanceof Node && when.contains(other)) return;
    if (event.type === 'mouseover') this.hovered = when;
    else {
      if (this.hovered === when) this.hovered = undefined;
      this.leave(id);
    }
  };

  private leave(id: string): void {
    if (!this.hidden.delete(id)) return;
    this.host.requestUpdate();
  }

  /**
   * The entries whose exact time shows now: the focused time's (focus on another control of the
   * row, a link or a button, shows none) and the one under the pointer, if its row is still there.
   */
  private shown(): string[] {
    const active = this.host.shadowRoot?.activeElement;
    const focused = active?.localName === 'time' && active.closest('.when') ? entryIdOf(active) : undefined;
    const hovered = this.hovered?.isConnected ? entryIdOf(this.hovered) : undefined;
    return [focused, hovered].filter((id): id is string => id !== undefined);
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    const showing = this.shown().filter((id) => !this.hidden.has(id));
    if (showing.length === 0) return;
    // This Escape is the tooltip's: a host's modal dialog around the card (a native one, or one
    // that checks `defaultPrevented`) must not close too. The next Escape, nothing to hide, is theirs.
    event.preventDefault();
    for (const id of showing) this.hidden.add(id);
    this.host.requestUpdate();
  };
}

const BUBBLING = ['mouseover', 'mouseout', 'focusout'] as const;

/** The entry an element of a list belongs to: the `data-id` of the list item around it. */
const entryIdOf = (element: Element | null | undefined): string | undefined =>
  element?.closest<HTMLElement>('[data-id]')?.dataset.id;

/**
 * The time's target and its tooltip. Each card places the tooltip (above the
 * time, or below its row) with `inset-*` on `[part~='tooltip']`. Transparent,
 * not removed, while hidden: screen readers read it with the entry, and as
 * the time's description on focus.
 */
export const exactTimeStyles = css`
  [part~='time'] {
    /* A 24 px tall target (WCAG 2.5.8) that takes no more room in the line than the text. */
    display: inline-block;
    padding-block: 5px;
    margin-block: -5px;
    border-radius: 2px;
  }

  [part~='tooltip'] {
    position: absolute;
    z-index: 1;
    inset-inline-start: 0;
    border-radius: 4px;
    background: var(--od-color-tooltip, light-dark(#1b1f24, #f0f6fc));
    color: var(--od-color-tooltip-text, light-dark(#ffffff, #151b23));
    line-height: 1.35;
    opacity: 0;
    pointer-events: none;
  }

  .when:hover [part~='tooltip'],
  [part~='time']:focus-visible + [part~='tooltip'] {
    opacity: 1;
    pointer-events: auto;
  }

  /* Escape hides it until the pointer or focus leaves (WCAG 1.4.13). */
  .when.tooltip-hidden [part~='tooltip'] {
    opacity: 0;
    pointer-events: none;
  }

  @media (forced-colors: active) {
    [part~='tooltip'] {
      border: 1px solid CanvasText;
    }
  }
`;
