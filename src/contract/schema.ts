/**
 * A minimal schema kit for validation.ts: each schema checks an unknown value
 * and returns it typed (objects rebuilt with their known keys only), or
 * throws `Invalid` with the path of the first bad field.
 *
 * Why not a library: valibot, tree-shaken to what validation.ts uses, was
 * 9.7 kB minified (about 3 kB brotli) of every host's bundle, mostly for
 * issue objects and messages nobody here reads. This kit is a tenth of that
 * and does what the contract needs: types, bounds, patterns, picklists,
 * cross-field checks reported on the right field, and a tagged union.
 */

export type Path = readonly (string | number)[];

/** Checks `value` (found at `path`) and returns it typed, or throws `Invalid`. */
export type Schema<T> = (value: unknown, path: Path) => T;

/** The first problem found, and where. */
export class Invalid {
  constructor(
    readonly message: string,
    readonly path: Path,
  ) {}
}

function fail(message: string, path: Path): never {
  throw new Invalid(message, path);
}

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

export function string(maxLength: number): Schema<string> {
  return (value, path) => {
    if (typeof value !== 'string') fail(`expected a string, got ${describe(value)}`, path);
    if (value.length > maxLength) fail(`longer than ${maxLength} characters`, path);
    return value;
  };
}

/** A string with something in it besides white space, returned trimmed. */
export function nonBlank(maxLength: number): Schema<string> {
  const base = string(maxLength);
  return (value, path) => base(value, path).trim() || fail('empty', path);
}

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
  return (value, path) => {
    const input = record(value, path);
    const output: Record<string, unknown> = {};
    for (const key in shape) {
      const checked = shape[key](input[key], [...path, key]);
      if (checked !== undefined) output[key] = checked;
    }
    return output as Output<S>;
  };
}

export function array<T>(item: Schema<T>, maxLength = Infinity): Schema<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) fail(`expected an array, got ${describe(value)}`, path);
    if (value.length > maxLength) fail(`more than ${maxLength} items`, path);
    return value.map((entry, index) => item(entry, [...path, index]));
  };
}

/** An object used as a map: every key and value checked. */
export function dictionary<T>(key: Schema<string>, item: Schema<T>): Schema<Record<string, T>> {
  return (value, path) => {
    const output: Record<string, T> = {};
    for (const [name, entry] of Object.entries(record(value, path))) {
      key(name, [...path, name]);
      // Defined, not assigned: a "__proto__" key from JSON must stay data, not become the prototype.
      Object.defineProperty(output, name, {
        value: item(entry, [...path, name]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return output;
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
    return holds(checked) ? checked : fail(message, field ? [...path, field] : path);
  };
}

/** One of several object shapes, told apart by a string `key` (a tagged union). */
export function variant<T>(key: string, shapes: Record<string, Schema<T>>): Schema<T> {
  return (value, path) => {
    const tag = record(value, path)[key];
    const shape = typeof tag === 'string' && Object.hasOwn(shapes, tag) ? shapes[tag] : undefined;
    return shape ? shape(value, path) : fail(`unknown ${key}`, [...path, key]);
  };
}
