/** Fills `{name}` placeholders; unknown ones stay as they are, so a typo shows instead of vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}

/**
 * Like `fill`, but returns the pieces (text and the given values, e.g. Lit
 * templates) in order, so a translation can reorder placeholders whose values
 * are rendered elements (a `part`, a `<bdi>`). Render the result as a list.
 */
export function fillParts<T>(template: string, values: Record<string, T>): (string | T)[] {
  const out: (string | T)[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    out.push(template.slice(last, match.index));
    out.push(Object.hasOwn(values, match[1]) ? values[match[1]] : match[0]);
    last = match.index + match[0].length;
  }
  out.push(template.slice(last));
  return out;
}
