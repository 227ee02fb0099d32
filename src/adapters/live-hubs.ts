/**
 * One live hub per `baseUrl` in the page (live-hub.ts), and with the browser's
 * own `fetch` one set of streams in the browser: the hub is made by the first
 * adapter that subscribes, and the next one of a `baseUrl` starts only once the
 * previous one has let go of its streams and its lock.
 */
import type { HttpClient } from './http.js';
import { LiveHub } from './live-hub.js';
import type { StreamSettings } from './sse.js';
import { canShareTabs } from './tab-link.js';

const sharedHubs = new Map<string, LiveHub>();
const pageHubs = new WeakMap<typeof fetch, Map<string, LiveHub>>();
/** Per `baseUrl`: settles when the last hub of this page let go of its streams. */
const letGo = new Map<string, Promise<void>>();

/**
 * The page's hub for `baseUrl`: made by the first adapter that subscribes,
 * whose client opens the streams and whose `acrossTabs` decides the sharing.
 */
export function liveHubFor(
  http: HttpClient,
  settings: StreamSettings,
  baseUrl: string,
  customFetch: typeof fetch | undefined,
  acrossTabs: boolean,
): LiveHub {
  const key = absolute(baseUrl);
  const hubs = customFetch ? (pageHubs.get(customFetch) ?? new Map<string, LiveHub>()) : sharedHubs;
  if (customFetch) pageHubs.set(customFetch, hubs);
  let hub = hubs.get(key);
  if (!hub) {
    const shareAs = acrossTabs && !customFetch && canShareTabs() ? `od-live:${key}` : undefined;
    const after = letGo.get(key) ?? Promise.resolve();
    const made: LiveHub = new LiveHub(http, settings, shareAs, after, (closing) => {
      if (hubs.get(key) === made) hubs.delete(key);
      const done = closing.then(() => {
        if (letGo.get(key) === done) letGo.delete(key);
      });
      letGo.set(key, done);
    });
    hub = made;
    hubs.set(key, hub);
  }
  return hub;
}

/** `/api/` on https://app.example is `https://app.example/api`: one name in every tab. */
function absolute(baseUrl: string): string {
  let url = baseUrl;
  try {
    if (typeof location !== 'undefined') url = new URL(baseUrl, location.href).href;
  } catch {
    // Not a URL the page can resolve: its requests fail on their own; the text is still a key.
  }
  return url.replace(/\/+$/, '');
}
