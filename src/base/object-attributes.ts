/**
 * Objects given as attributes. An element's objects (`adapter`, `data`,
 * `links`, `strings`) are properties only; a framework that sets attributes
 * (React before 19 with plain tags, a server render, a template that spells
 * them as attributes) turns them into the text "[object Object]", and the
 * element then waits for an adapter or data that never comes, with nothing
 * on screen to say why. The element says it once in the console, naming the
 * attribute and what to do instead.
 */

/** The attributes an element reads only as properties, by element property name. */
const OBJECT_PROPERTIES = ['adapter', 'data', 'links', 'strings'] as const;

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
 * Warns once per tag and attribute when `element` carries one of its object
 * properties as an attribute whose property was not set. Never throws.
 */
export function warnObjectAttributes(element: Element): void {
  for (const name of OBJECT_PROPERTIES) {
    if (!element.hasAttribute(name) || !(name in element)) continue;
    if ((element as unknown as Record<string, unknown>)[name] !== undefined) continue;
    const key = `${element.localName} ${name}`;
    if (reported.has(key)) continue;
    reported.add(key);
    console.warn(objectAttributeMessage(element, name));
  }
}
