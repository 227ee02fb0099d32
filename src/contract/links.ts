/** Quick-action URL templates (DESIGN.md, "Quick actions and events"). */
export type LinkKey = 'manageSubscription' | 'addCredits' | 'invoices' | 'activityLog';

/** URL templates by action; `{orgId}` is replaced with the (URL-encoded) organization id. */
export type DashboardLinks = Partial<Record<LinkKey, string>>;

const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/**
 * Whether a URL may be put in an `href`: http(s), or relative (which the page's
 * own http(s) scheme completes). `javascript:`, `data:` and every other scheme
 * are refused. Control characters and spaces are removed first, as browsers do
 * before they read the scheme (`java\tscript:` is `javascript:` to them).
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!cleaned) return false;
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https';
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
