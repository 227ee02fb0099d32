import type { ComplexAttributeConverter } from 'lit';

/**
 * A number attribute whose absence, emptiness or blankness is no number (null: the property's
 * default applies), where Lit's `Number` converter reads `""` and `"  "` as 0 (`Number("")` is 0):
 * `limit=""`, as a template or a framework writes an unset binding, is no limit, not a limit of 0.
 */
export const numberAttribute: ComplexAttributeConverter<number | null> = {
  fromAttribute: (value) => (value === null || value.trim() === '' ? null : Number(value)),
};

/**
 * A number property's value as a number, NaN for none (null, undefined, a blank text a wrapper
 * passed on as it was): every number property falls back to its default on a value not finite.
 */
export function givenNumber(value: unknown): number {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return NaN;
  return Number(value);
}
