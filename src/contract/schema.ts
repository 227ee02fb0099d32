/**
 * A minimal schema kit for validation.ts: each schema checks an unknown value
 * and returns it typed (objects rebuilt with their known keys only), or
 * throws `Invalid` with the path of the first bad field.
 *
 * Why not a library: valibot, tree-shaken to what validation.ts uses, was
 * 9.7 kB minified (about 3 kB brotli) of every host's bundle, mostly for
 * issue objects and messages nobody here reads. This kit is a tenth of that
 * and does what the contract needs: types, bounds, patterns, picklists,
 * cross-field checks reported on the right field, fields checked against
 * another field's value (`extend`), a tagged union, and lists that keep their
 * valid items (`validItems`). Strings and arrays have no
 * length limits: the contract sets none (DESIGN.md, "Lists").
 */

/** The keys from the checked value down to a field, as errors report them (`['history', 1, 'month']`). */
export type Keys = readonly (string | number)[];

/**
 * Where a value sits: the place of its parent and its key there; undefined for the checked value
 * itself. Made as the check goes down, a pair per field, and read as keys only when a check fails:
 * a valid response (nearly every one) copies no list of keys for each of its fields.
 */
export type Path = readonly [up: Path, key: string | number] | undefined;

/** Checks `value` (found at `path`) and returns it typed, or throws `Invalid`. */
export type Schema<T> = (value: unknown, path: Path) => T;

/** The first problem found, and where. */
export class Invalid {
  readonly path: Keys;

  constructor(
    readonly message: string,
    path: Path,
  ) {
    const keys: (string | number)[] = [];
    for (let place = path; place; place = place[0]) keys.unshift(place[1]);
    this.path = keys;
  }
}

function fail(message: string, path: Path): never {
  throw new Invalid(message, path);
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

export const string: Schema<string> = (value, path) =>
  typeof value === 'string' ? value : fail(`expected a string, got ${describe(value)}`, path);

/** A string with something in it besides white space, returned trimmed. */
export const nonBlank: Schema<string> = (value, path) => string(value, path).trim() || fail('empty', path);

/** A finite integer, within `min` and `max`. */
export function integer(min: number, max: number): Schema<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value))
      fail(`expected an integer, got ${describe(value)}`, path);
    if (value < min || value > max) fail(`out of range ${min} to ${max}`, path);
    return value;
  };
}

export function pattern(regex: RegExp, message: string): Schema<string> {
  return (value, path) => {
    if (typeof value !== 'string' || !regex.test(value)) fail(message, path);
    return value;
  };
}

export function picklist<const T extends readonly string[]>(options: T): Schema<T[number]> {
  return (value, path) =>
    options.includes(value as string)
      ? (value as T[number])
      : fail(`expected one of ${options.join(', ')}`, path);
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return (value, path) => (value === undefined ? undefined : schema(value, path));
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path) => (value === null ? null : schema(value, path));
}

function record(value: unknown, path: Path): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(`expected an object, got ${describe(value)}`, path);
  return value as Record<string, unknown>;
}

type Shape = Record<string, Schema<unknown>>;
type Output<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

/** An object with these keys; unknown keys are dropped, absent optional ones left out. */
export function object<S extends Shape>(shape: S): Schema<Output<S>> {
  const keys = Object.keys(shape);
  return (value, path) => {
    const input = record(value, path);
    const output: Record<string, unknown> = {};
    for (const key of keys) {
      const checked = shape[key](input[key], [path, key]);
      if (checked !== undefined) output[key] = checked;
    }
    return output as Output<S>;
  };
}

function list(value: unknown, path: Path): unknown[] {
  if (!Array.isArray(value)) fail(`expected an array, got ${describe(value)}`, path);
  return value;
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return (value, path) => list(value, path).map((entry, index) => item(entry, [path, index]));
}

/** An item a `validItems` list left out: why, and the item's own `id` when it had a usable one. */
export interface LeftOut {
  readonly invalid: Invalid;
  readonly itemId?: string;
}

/** The items left out so far by the `validItems` lists of the `collectLeftOut` call under way. */
let leftOut: LeftOut[] | undefined;

/**
 * Runs a whole parse and returns its output with every item its `validItems`
 * lists left out. A parse that throws leaves nothing out: the error is the
 * whole value's.
 */
export function collectLeftOut<T>(parse: () => T): { output: T; leftOut: LeftOut[] } {
  const outer = leftOut;
  const collected: LeftOut[] = [];
  leftOut = collected;
  try {
    return { output: parse(), leftOut: collected };
  } finally {
    leftOut = outer;
  }
}

/**
 * A list that keeps its valid items (DESIGN.md, "Lists"): an invalid item is
 * left out and recorded for `collectLeftOut`, instead of failing the whole
 * value. Items with the same `key` are one item: the first valid one stays.
 * Only a value that is not an array at all fails.
 */
export function validItems<T>(item: Schema<T>, key?: (item: T) => string): Schema<T[]> {
  return (value, path) => {
    const output: T[] = [];
    const keys = new Set<string>();
    list(value, path).forEach((entry, index) => {
      const before = leftOut?.length ?? 0;
      try {
        const checked = item(entry, [path, index]);
        const identity = key?.(checked);
        if (identity !== undefined && keys.has(identity)) return;
        if (identity !== undefined) keys.add(identity);
        output.push(checked);
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        // Whatever a list inside this item left out went with the item.
        leftOut?.splice(before);
        leftOut?.push({ invalid: error, itemId: idOf(entry) });
      }
    });
    return output;
  };
}

/** The `id` of a raw item, when it has a non-empty string one: what identifies it across responses. */
function idOf(entry: unknown): string | undefined {
  const id = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** An object used as a map: every key and value checked. */
export function dictionary<T>(key: Schema<string>, item: Schema<T>): Schema<Record<string, T>> {
  return (value, path) => {
    const output: Record<string, T> = {};
    for (const [name, entry] of Object.entries(record(value, path))) {
      const place = [path, name] as const;
      key(name, place);
      // Defined, not assigned: a "__proto__" key from JSON must stay data, not become the prototype.
      Object.defineProperty(output, name, {
        value: item(entry, place),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return output;
  };
}

/**
 * An object checked in two steps: `base`, then the fields that `more` describes for the checked
 * base, so that one field's check can depend on another's value (usage in the balance's
 * currency). The fields of both, `base`'s first.
 */
export function extend<B extends object, S extends Shape>(
  base: Schema<B>,
  more: (checked: B) => S,
): Schema<B & Output<S>> {
  return (value, path) => {
    const checked = base(value, path);
    return { ...checked, ...object(more(checked))(value, path) };
  };
}

/** A check across fields of a valid value, reported at `field`. */
export function refine<T>(
  schema: Schema<T>,
  holds: (value: T) => boolean,
  message: string,
  field?: string,
): Schema<T> {
  return (value, path) => {
    const checked = schema(value, path);
    return holds(checked) ? checked : fail(message, field ? [path, field] : path);
  };
}

/** One of several object shapes, told apart by a string `key` (a tagged union). */
export function variant<T>(key: string, shapes: Record<string, Schema<T>>): Schema<T> {
  return (value, path) => {
    const tag = record(value, path)[key];
    const shape = typeof tag === 'string' && Object.hasOwn(shapes, tag) ? shapes[tag] : undefined;
    return shape ? shape(value, path) : fail(`unknown ${key}`, [path, key]);
  };
}
