import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long "Copied" stays next to the ID. A failure stays until the next copy or another org. */
const COPIED_VISIBLE_MS = 2500;

export type CopyResult = 'copied' | 'failed';

export interface CopyIdOptions {
  /** The ID of the organization the card shows now (undefined while it shows none). */
  orgShown: () => string | undefined;
  /** The element that shows the ID, selected when no copy works. */
  idElement: () => Element | null;
}

/**
 * The "Copy" of `<org-info-card>`: copies the organization ID (the Clipboard API, else a selection
 * copy), and keeps what the viewer is told: "Copied" for a while, or that it failed, with the ID
 * left selected. Both are said in the card's copy status region (`spoken`), which is emptied for
 * one update first: the same words again are news to a screen reader, as a second copy is.
 *
 * A result belongs to the organization it was copied from: once the card shows another (an org
 * switch) it is forgotten, never shown next to an ID that was not copied.
 */
export class CopyIdController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: CopyIdOptions;
  #last?: { orgId: string; result: CopyResult };
  #spoken = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: CopyIdOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** What the last copy of the organization shown gave, while it is shown. */
  get result(): CopyResult | undefined {
    return this.#last?.result;
  }

  /** Whether the status region says the result now. */
  get spoken(): boolean {
    return this.#spoken && this.#last !== undefined;
  }

  hostUpdate(): void {
    if (this.#last && this.#last.orgId !== this.#options.orgShown()) this.#forget();
  }

  hostDisconnected(): void {
    this.#forget();
  }

  /** Copies `orgId`; resolves with whether it was copied, once the card shows and says so. */
  async copy(orgId: string): Promise<boolean> {
    const copied = (await writeWithClipboardApi(orgId)) || this.#writeWithSelection(orgId);
    clearTimeout(this.#timer);
    this.#last = { orgId, result: copied ? 'copied' : 'failed' };
    this.#spoken = false;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (!this.#last) return copied;
    this.#spoken = true;
    this.#host.requestUpdate();
    if (copied) {
      this.#timer = setTimeout(() => {
        this.#last = undefined;
        this.#host.requestUpdate();
      }, COPIED_VISIBLE_MS);
    } else {
      // Leave the ID selected, so the viewer only has to press the copy shortcut.
      const id = this.#options.idElement();
      if (id) getSelection()?.selectAllChildren(id);
    }
    return copied;
  }

  #forget(): void {
    clearTimeout(this.#timer);
    this.#last = undefined;
    this.#spoken = false;
  }

  /** Where the Clipboard API is missing or refused (insecure page, no permission). */
  #writeWithSelection(text: string): boolean {
    const root = this.#host.shadowRoot;
    if (!root) return false;
    // Selecting the text area takes focus from Copy, and removing it leaves focus on the page's
    // body: it goes back to Copy.
    const focused = root.activeElement;
    const area = document.createElement('textarea');
    area.value = text;
    area.readOnly = true;
    area.style.cssText = 'position:fixed;inset-block-start:0;opacity:0';
    root.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    if (focused instanceof HTMLElement && focused.isConnected && !root.activeElement) focused.focus();
    return copied;
  }
}

async function writeWithClipboardApi(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
