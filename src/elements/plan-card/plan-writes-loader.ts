/**
 * Loads the plan card's writes (`plan-writes.ts`: the purchase dialog and the alert's form) with an
 * `import()` on first use, so that they cost the page's first load nothing. Until then the card
 * shows (+) and the alert's row itself; whether they lead to a dialog or a form is known from the
 * adapter alone. When the viewer's pointer or keyboard focus comes to the rows of those controls,
 * the module is fetched (not run), so that the press that may follow is answered at once; a viewer
 * who never goes there never loads it. Until 2026-12-06 it was fetched in idle time once the card
 * was ready, for every viewer who may act: about 8 kB brotli before any interaction.
 *
 * A fetch that fails (offline, a deploy that removed the chunk) throws nothing into the page: the
 * card says so and the next press tries again.
 */
import { adoptStyles, supportsAdoptingStyleSheets, type ReactiveController, type ReactiveElement } from 'lit';
import type { PlanSummary } from '../../contract/types.js';
import type { PlanWrites } from './plan-writes.js';
import type { ThresholdFormContext } from './threshold-form.js';

type WritesModule = typeof import('./plan-writes.js');

/**
 * Where the module comes from, and whether a card made its writes with it yet (`made`, below): a
 * seam for tests, which make the fetch fail, or forget `made` to start as a page that has not.
 */
export const planWritesChunk = {
  load: (): Promise<WritesModule> => import('./plan-writes.js'),
  /**
   * The module, once a card has made its writes with it: every plan card on the page then makes its
   * own at once (those on the page now, and each that comes later), so that each hears the purchases
   * of its adapter, such as one waiting on its checkout page that its note shows, and answers (+) at once.
   */
  made: undefined as WritesModule | undefined,
};

/** Whether the module's fetch is asked for or done: one for the page, whichever card asks first. */
let prefetching = false;
/** The cards on the page whose writes are not made yet: told when the module is here. */
const withoutWrites = new Set<PlanWritesLoader>();

/**
 * Fetches the module, once for the page. Nothing here refers to a card: a card removed before the
 * fetch ends is not kept in memory, with its whole tree, until then (a slow network may take
 * seconds). A fetch that fails is asked for again at the next sign of intent, on any card.
 */
function prefetchWrites(): void {
  if (prefetching) return;
  prefetching = true;
  void planWritesChunk.load().catch(() => (prefetching = false));
}

export class PlanWritesLoader implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #context: ThresholdFormContext;
  #writes?: PlanWrites;
  #loading?: Promise<PlanWrites | undefined>;
  #acting?: Promise<unknown>;
  /** The last load failed: the card says so until the next press. */
  #failed = false;

  constructor(host: ReactiveElement, context: ThresholdFormContext) {
    this.#host = host;
    this.#context = context;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#writes) return;
    const { made } = planWritesChunk;
    if (made) this.#make(made);
    else withoutWrites.add(this);
  }

  hostDisconnected(): void {
    withoutWrites.delete(this);
  }

  /** The dialog and the form, once loaded. */
  get writes(): PlanWrites | undefined {
    return this.#writes;
  }

  get failed(): boolean {
    return this.#failed;
  }

  /** Whether (+) opens the purchase dialog: the adapter can buy credits. */
  get canBuy(): boolean {
    return typeof this.#context.adapter()?.purchaseCredits === 'function';
  }

  /** Whether the card shows the low-credit alert's row: the adapter can set it. */
  get canSetAlert(): boolean {
    return typeof this.#context.adapter()?.setLowCreditThreshold === 'function';
  }

  /** (+) was pressed: opens the dialog once the writes are here; `opener` gets focus back. */
  openPurchase(opener?: HTMLElement): void {
    this.#act((writes) => writes.purchase.open(opener));
  }

  /** Change was pressed: opens or closes the alert's form for `plan`. */
  toggleAlert(plan: PlanSummary): void {
    this.#act((writes) => writes.alert.toggle(plan));
  }

  /** Does what was pressed: at once when the writes are here, else once they are (nothing if they fail). */
  #act(action: (writes: PlanWrites) => void): void {
    if (this.#writes) {
      action(this.#writes);
      return;
    }
    // Pressed for the org shown now: if the card shows another once the writes arrive, nothing opens
    // (a dialog unasked for, or the alert's form filled with the first org's threshold).
    const orgId = this.#context.orgId();
    const acting = this.#load().then((writes) => writes && this.#context.orgId() === orgId && action(writes));
    this.#acting = acting;
    void acting.finally(() => {
      if (this.#acting === acting) this.#acting = undefined;
    });
  }

  /** Whether the alert's form is open (Change is expanded). */
  get alertOpen(): boolean {
    return this.#writes?.alert.isOpen ?? false;
  }

  /** Fetches the module without running anything of it: the press that may follow is then answered at once. */
  prefetch(): void {
    if (!this.#writes) prefetchWrites();
  }

  /**
   * A press waiting for the writes, if any: the card's `getUpdateComplete` waits for it (the load,
   * then what was pressed) and for the render after it.
   */
  get loading(): Promise<unknown> | undefined {
    return this.#acting;
  }

  /** Makes the card's writes with `module`, their styles added to what its root has. */
  #make({ PlanWrites, planWritesStyles }: WritesModule): PlanWrites {
    withoutWrites.delete(this);
    if (this.#writes) return this.#writes;
    const host = this.#host;
    const root = host.renderRoot;
    // Added to what the root has (the card's styles, a sheet a host may have adopted there).
    const sheet = planWritesStyles.styleSheet;
    if (!(root instanceof ShadowRoot)) {
      // A partner's subclass rendering into light DOM brings its own styles.
    } else if (supportsAdoptingStyleSheets && sheet)
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    else adoptStyles(root, [planWritesStyles]);
    this.#writes = new PlanWrites(host, this.#context);
    this.#failed = false;
    this.#loading = undefined;
    host.requestUpdate();
    return this.#writes;
  }

  #load(): Promise<PlanWrites | undefined> {
    if (this.#writes) return Promise.resolve(this.#writes);
    this.#loading ??= planWritesChunk.load().then(
      (module) => {
        planWritesChunk.made = module;
        for (const loader of withoutWrites) loader.#make(module);
        return this.#make(module);
      },
      () => {
        this.#failed = true;
        this.#loading = undefined;
        this.#context.announce(this.#context.strings().planWritesLoadFailed);
        this.#host.requestUpdate();
        return undefined;
      },
    );
    return this.#loading;
  }
}
