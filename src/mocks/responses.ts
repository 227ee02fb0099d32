/** The mock API's answers: JSON bodies, error bodies, and the activities query read strictly. */
import { HttpResponse } from 'msw';
import { activityFilterError } from '../adapters/activity-query.js';
import { codeForStatus } from '../contract/errors.js';
import type { ActivityFilter } from '../contract/types.js';
import type { ApiErrorBody } from './api.js';

export function json(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function errorResponse(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): HttpResponse<string> {
  const code = status === 400 ? 'invalid-request' : (codeForStatus(status) ?? 'server');
  const body: ApiErrorBody = { code, message };
  return json(body, status, headers);
}

/** A request's JSON body when it is an object; undefined for anything else (the caller answers 400). */
export async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

type ParsedFilter = { filter: ActivityFilter } | { error: string };

/**
 * The activities query, strictly: a bad parameter is the client's bug, answered with 400. What is
 * well formed is `activityFilterError`'s rule, which the memory adapter follows too.
 */
export function parseActivityFilter(params: URLSearchParams): ParsedFilter {
  const filter: ActivityFilter = {};
  const limit = params.get('limit');
  if (limit) {
    // Digits only: `Number` would read "1e3", " 5" or "0x10" as numbers.
    if (!/^\d+$/.test(limit)) return { error: `Invalid limit "${limit}".` };
    filter.limit = Number(limit);
  }
  const text = (name: string) => params.get(name) || undefined;
  filter.cursor = text('cursor');
  filter.from = text('from');
  filter.to = text('to');
  filter.resourceType = text('resourceType');
  filter.action = text('action');
  const query = params.get('q');
  if (query?.trim()) filter.query = query;
  const error = activityFilterError(filter);
  if (error) return { error };
  // Only the parameters given, as the adapters' filters carry them.
  for (const key of Object.keys(filter) as (keyof ActivityFilter)[])
    if (filter[key] === undefined) delete filter[key];
  return { filter };
}
