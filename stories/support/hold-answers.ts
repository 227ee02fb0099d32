/**
 * `holdAnswers(adapter, method)`: one adapter method whose answers wait until the caller releases
 * them, so a write stays under way for as long as a story or a test needs. Used by the plan card's
 * stories and by its tests (test/elements), which import it from here as the visual test imports
 * `acme.ts`: stories import nothing from test/.
 */

type AsyncMethod = (...args: never[]) => Promise<unknown>;

/** The names of `A`'s methods (optional ones too) that answer with a promise. */
export type AsyncMethodOf<A> = {
  [K in keyof A]-?: NonNullable<A[K]> extends AsyncMethod ? K : never;
}[keyof A];

type ArgumentsOf<F> = NonNullable<F> extends (...args: infer P) => unknown ? P : never;

export interface HoldOptions {
  /**
   * When the call reaches the adapter's own method: `at-once` (the default), as made, so the
   * backend acts (charges, sets, sends its live event) and only its answer, value or error, waits
   * for `release()`; `on-release`, only then, as a request the backend has not taken yet.
   */
  backendActs?: 'at-once' | 'on-release';
}

export interface HeldAnswers<Args extends unknown[]> {
  /** The arguments of every call so far, in order, recorded as the call is made. */
  readonly calls: readonly Args[];
  /** How many answers (values or errors) have been handed back to the callers. */
  readonly answered: number;
  /** Hands back the answers held, and every later one as it comes: nothing is held after this. */
  release(): void;
  /** Puts the adapter's own method back; answers already held still wait for `release()`. */
  restore(): void;
}

/** Replaces `adapter[method]` with one that holds its answers until `release()` (see `HoldOptions`). */
export function holdAnswers<A extends object, K extends AsyncMethodOf<A>>(
  adapter: A,
  method: K,
  { backendActs = 'at-once' }: HoldOptions = {},
): HeldAnswers<ArgumentsOf<A[K]>> {
  type Args = ArgumentsOf<A[K]>;
  const own = Object.getOwnPropertyDescriptor(adapter, method);
  const original = adapter[method] as unknown as ((...args: Args) => Promise<unknown>) | undefined;
  if (typeof original !== 'function') throw new Error(`The adapter has no ${String(method)} to hold.`);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const calls: Args[] = [];
  let answered = 0;
  const held = async (...args: Args) => {
    calls.push(args);
    try {
      if (backendActs === 'on-release') {
        await released;
        return await original.apply(adapter, args);
      }
      const answer = original.apply(adapter, args);
      try {
        return await answer;
      } finally {
        await released;
      }
    } finally {
      answered += 1;
    }
  };
  (adapter as Record<K, unknown>)[method] = held;
  return {
    calls,
    get answered() {
      return answered;
    },
    release,
    restore() {
      if (own) Object.defineProperty(adapter, method, own);
      else delete (adapter as Record<K, unknown>)[method];
    },
  };
}
