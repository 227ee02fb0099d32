/** The mock API's answers: JSON bodies, error bodies, and the activities query read strictly. */
import { HttpResponse } from 'msw';
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

/** The activities query, strictly: a bad parameter is the client's bug, answered with 400. */
export function parseActivityFilter(params: URLSearchParams): ParsedFilter {
  const filter: ActivityFilter = {};
  const limit = params.get('limit');
  if (limit) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1) return { error: `Invalid limit "${limit}".` };
    filter.limit = Number(limit);
  }
  const cursor = params.get('cursor');
  if (cursor) {
    if (!/^\d+$/.test(cursor)) return { error: `Invalid cursor "${cursor}".` };
    filter.cursor = cursor;
  }
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (!value) continue;
    if (Number.isNaN(Date.parse(value))) return { error: `Invalid ${name} "${value}".` };
    filter[name] = value;
  }
  const resourceType = params.get('resourceType');
  if (resourceType) filter.resourceType = resourceType;
  const action = params.get('action');
  if (action) filter.action = action;
  const query = params.get('q');
  if (query?.trim()) filter.query = query;
  return { filter };
}
