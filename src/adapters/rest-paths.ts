/** The REST API's paths (DESIGN.md, "REST API"), for the adapter's reads and its writes. */
import { encodeSegment, orgIdError } from '../contract/links.js';
import type { ActivityFilter } from '../contract/types.js';

/**
 * The path of an org's resource. The id is one encoded path segment; an id
 * that would change the path (empty, `.`, `..`) is refused with
 * `invalid-request` before any request (and before the token is asked for).
 */
export function orgPath(orgId: string, rest = ''): string {
  const refused = orgIdError(orgId);
  if (refused) throw refused;
  // Any other id gives a request (and at worst a 404), never a thrown URIError.
  return `/organizations/${encodeSegment(orgId)}${rest}`;
}

/** The activities query: only the filters that are set (`query` travels as `q`). */
export function activitiesPath(orgId: string, filter: ActivityFilter = {}): string {
  const params = new URLSearchParams();
  const add = (name: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  };
  add('limit', filter.limit);
  add('cursor', filter.cursor);
  add('resourceType', filter.resourceType);
  add('action', filter.action);
  add('q', filter.query);
  add('from', filter.from);
  add('to', filter.to);
  const query = params.toString();
  return orgPath(orgId, '/activities') + (query ? `?${query}` : '');
}
