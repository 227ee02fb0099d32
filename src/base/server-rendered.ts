/**
 * Whether `host` is about to hydrate what a server rendered: declarative
 * shadow DOM already there before its first update. That first update must
 * render what the server did; what the browser knows better comes after.
 */
export function serverRendered(host: HTMLElement & { hasUpdated?: boolean }): boolean {
  return !host.hasUpdated && (host.shadowRoot?.hasChildNodes() ?? false);
}
