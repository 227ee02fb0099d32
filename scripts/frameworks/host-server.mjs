// The server a host app built by scripts/test-frameworks.mjs is opened from: its production build
// (a folder of static files) and the REST API of DESIGN.md under /api, answered from an in-memory
// dataset through the package's memory adapter. scripts/test-integration.mjs answers its apps' API
// with the same `answerApi`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createMemoryAdapter } from '../../dist/adapters/memory.js';
import { PERMISSIONS } from '../../dist/contract/access.js';

export const ORG = 'org_acme';
export const ORG_NAME = 'Acme Corporation';
/** Where the snippets' `links.invoices` sends "View past invoices" for ORG. */
export const INVOICES = `/organizations/${ORG}/billing/invoices`;

const usd = (amountMinor) => ({ amountMinor, currency: 'USD' });
const adapter = createMemoryAdapter({
  [ORG]: {
    organization: {
      id: ORG,
      name: ORG_NAME,
      owner: { name: 'Ada Lovelace' },
      createdAt: '2023-03-14T09:26:53Z',
      teamSize: 42,
    },
    access: { permissions: [...PERMISSIONS] },
    workspaces: { total: 12, active: 8, suspended: 2, others: 2 },
    billing: { currentMonthTotal: usd(123456), lastMonthTotal: usd(100000), nextInvoiceDate: '2026-12-01' },
    plan: { name: 'Enterprise', availableCredits: usd(50000) },
    activities: [{ id: 'a1', resourceType: 'Invoices', action: 'Fetch', occurredAt: '2026-11-19T10:00:00Z' }],
    announcements: [],
  },
});

const ROUTES = [
  [/^\/api\/organizations\/([^/]+)$/, (id) => adapter.getOrganization(id)],
  [/^\/api\/organizations\/([^/]+)\/access$/, (id) => adapter.getAccess(id)],
  [/^\/api\/organizations\/([^/]+)\/workspaces\/stats$/, (id) => adapter.getWorkspaceStats(id)],
  [/^\/api\/organizations\/([^/]+)\/billing\/summary$/, (id) => adapter.getBilling(id)],
  [/^\/api\/organizations\/([^/]+)\/plan$/, (id) => adapter.getPlan(id)],
  [
    /^\/api\/organizations\/([^/]+)\/activities$/,
    (id, query) => adapter.listActivities(id, { limit: Number(query.get('limit') ?? 20) }),
  ],
  [/^\/api\/organizations\/([^/]+)\/announcements$/, (id) => adapter.listAnnouncements(id)],
];
const STATUS = { 'not-found': 404, forbidden: 403 };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  // A static export's data for client-side navigation (Next's RSC payloads): read as such when text/plain.
  '.txt': 'text/plain; charset=utf-8',
};

/** Answers a request under /api from the in-memory dataset; the live stream stays open and quiet. */
export async function answerApi(url, response) {
  if (url.pathname.endsWith('/events')) {
    // The live stream stays open and quiet.
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    response.write(': open\n\n');
    return;
  }
  for (const [pattern, handler] of ROUTES) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    try {
      const body = await handler(decodeURIComponent(match[1]), url.searchParams);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } catch (error) {
      response.writeHead(STATUS[error.code] ?? 500, { 'content-type': 'application/json' }).end('{}');
    }
    return;
  }
  response.writeHead(404).end();
}

/**
 * Serves `site` (a build's output folder) and the API on a loopback port. Unknown paths get
 * index.html (a single-page app's routes); `apiRequests()` counts the API calls so far.
 */
export function serveHost(site) {
  let apiRequests = 0;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      apiRequests += 1;
      await answerApi(url, response);
      return;
    }
    const path = normalize(join(site, decodeURIComponent(url.pathname)));
    const file =
      path.startsWith(site + sep) && existsSync(path) && statSync(path).isFile()
        ? path
        : join(site, 'index.html');
    response
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        url: `http://127.0.0.1:${server.address().port}`,
        apiRequests: () => apiRequests,
        close: () => {
          server.closeAllConnections();
          return new Promise((closed) => server.close(closed));
        },
      }),
    ),
  );
}
