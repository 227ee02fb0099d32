/** Quick-action URL templates (DESIGN.md, "Quick actions and events"), safe links and path segments. */
import { DashboardError } from './errors.js';

export type LinkKey = 'manageSubscription' | 'addCredits' | 'invoices' | 'activityLog';

/** URL templates by action; `{orgId}` is replaced with the (URL-encoded) organization id. */
export type DashboardLinks = Partial<Record<LinkKey, string>>;

/** Where relative URLs resolve: the document's base, or a stand-in where there is no document (SSR). */
function pageBase(): string {
  const doc = (globalThis as { document?: { baseURI?: string } }).document;
  const location = (globalThis as { location?: { href?: string } }).location;
  return doc?.baseURI ?? location?.href ?? 'https://localhost/';
}

function parseUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL may be put in an `href`: an http(s) URL, or a relative one
 * that stays on the page's own site. `javascript:`, `data:` and every other
 * scheme are refused, and so are relative-looking strings that leave the
 * site: `//host`, `\\host`, `/\host`, also with tabs or newlines inside,
 * which browsers read as "same scheme, other host". The browser's own URL
 * parser decides, so no hand-written reading can disagree with it; relative
 * URLs resolve against the document's base (`<base href>` included), and a
 * string the parser cannot read is refused.
 */
export function isSafeUrl(url: string): boolean {
  // Nothing but spaces and controls (which browsers strip) would link the page to itself.
  // eslint-disable-next-line no-control-regex
  if (typeof url !== 'string' || /^[\u0000-\u0020\s]*$/.test(url)) return false;
  // Defence in depth: read as older parsers did, with every control character and space taken
  // out, the scheme must still be none or http(s) (`java\0script:` is relative to today's parser).
  // eslint-disable-next-line no-control-regex
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''))?.[1];
  if (scheme && !/^https?$/i.test(scheme)) return false;
  const base = pageBase();
  const resolved = parseUrl(url, base);
  if (!resolved || (resolved.protocol !== 'http:' && resolved.protocol !== 'https:')) return false;
  // A scheme of its own: an absolute http(s) URL, which may point anywhere.
  if (parseUrl(url)) return true;
  return resolved.origin === parseUrl(base)?.origin;
}

/** Lone UTF-16 surrogates, which `encodeURIComponent` refuses with a URIError. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `encodeURIComponent` that never throws: a lone surrogate (possible in any
 * string a host passes, e.g. an `org-id`) becomes U+FFFD instead of a URIError.
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(String(value).replace(LONE_SURROGATE, '\ufffd'));
}

/**
 * Why `orgId` cannot be used as one segment of a request path, or undefined
 * when it can. Encoding keeps `/`, `?` and `#` inside the segment, but an
 * empty segment, `.` and `..` still change the path (`/organizations/..`
 * is `/`): those are refused before any request (DESIGN.md, "Identifiers").
 */
export function orgIdError(orgId: unknown): DashboardError | undefined {
  if (typeof orgId !== 'string') {
    return new DashboardError('invalid-request', 'The organization id must be a string.');
  }
  if (orgId === '' || orgId === '.' || orgId === '..') {
    return new DashboardError(
      'invalid-request',
      `The organization id ${JSON.stringify(orgId)} is not a valid path segment.`,
    );
  }
  return undefined;
}

/** The href for an action, or undefined when none is configured or it is unsafe. */
export function resolveLink(
  links: DashboardLinks | undefined,
  key: LinkKey,
  orgId: string,
): string | undefined {
  const template = links?.[key];
  if (typeof template !== 'string' || !template) return undefined;
  const href = template.replaceAll('{orgId}', encodeSegment(orgId));
  return isSafeUrl(href) ? href : undefined;
}
