/**
 * Objects given as attributes. An element's objects (`adapter`, `data`,
 * `links`, `strings`) are properties only; a framework that sets attributes
 * (React before 19 with plain tags, a server render, a template that spells
 * them as attributes) turns them into the text "[object Object]", and the
 * element then waits for an adapter or data that never comes, with nothing
 * on screen to say why. The element says it once in the console, naming the
 * attribute and what to do instead.
 */
import type { ReactiveElement } from 'lit';

const reported = new Set<string>();

/** The console message for `attribute` on `element`: what went wrong and what to use. */
function objectAttributeMessage(element: Element, attribute: string): string {
  const tag = element.localName;
  return (
    `<${tag}> has ${attribute}="${element.getAttribute(attribute)}": ${attribute} is an object, read ` +
    `only as a property. Set it as one (element.${attribute} = …); in React and Next.js, ` +
    `use the components of org-dashboard-elements/react.`
  );
}

/**
 * Warns once per tag and attribute when `element` carries, as an attribute,
 * a property it declares as property only (`attribute: false`: its objects,
 * read from its own declarations) and that property is unset. Never throws.
 */
export function warnObjectAttributes(element: ReactiveElement): void {
  const declared = (element.constructor as typeof ReactiveElement).elementProperties;
  for (const [property, options] of declared) {
    if (options.attribute !== false || options.state || typeof property !== 'string') continue;
    if (!element.hasAttribute(property)) continue;
    if ((element as unknown as Record<string, unknown>)[property] !== undefined) continue;
    const key = `${element.localName} ${property}`;
    if (reported.has(key)) continue;
    reported.add(key);
    console.warn(objectAttributeMessage(element, property));
  }
}
