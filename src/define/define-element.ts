/**
 * Registers a default tag once: a second copy of a define entry on the page is harmless.
 *
 * The tag gets a trivial subclass of `element`, never the exported class itself: a constructor can
 * be registered only once per registry, and partners register the exported classes under tags of
 * their own (`customElements.define('acme-billing', BillingCard)`), before or after the defaults
 * (the CDN bundle registers them on load). The class itself would take that from them, or, had the
 * partner got there first, make this call throw. Instances are still `instanceof element`, with its
 * properties, styles and typings.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends element {});
}
