import { expect } from '@open-wc/testing';
import { Validator, type Schema } from '@cfworker/json-schema';
import { parse } from 'yaml';
import { queryActivities } from '../../src/adapters/activity-query.js';
import { FIXTURE_ORG_IDS, createActivity, createDataset, ACME_ORG_ID } from '../../src/mocks/fixtures.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
    securitySchemes: Record<string, { type: string; scheme?: string; in?: string }>;
  };
  security: Record<string, string[]>[];
}

interface OperationObject {
  operationId: string;
  parameters?: { name?: string; in?: string; $ref?: string }[];
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}

let doc: OpenApiDocument;

before(async () => {
  const response = await fetch(new URL('/openapi.yaml', location.origin));
  expect(response.status).to.equal(200);
  doc = parse(await response.text()) as OpenApiDocument;
});

/**
 * A validator for one component schema. The root schema carries the
 * document's `components`, so the document's own `#/components/schemas/...`
 * references resolve unchanged; a copy per validator, because the library
 * annotates the schema objects it indexes.
 */
function validatorFor(name: string): Validator {
  expect(doc.components.schemas, name).to.have.property(name);
  const root = { $ref: `#/components/schemas/${name}`, components: structuredClone(doc.components) };
  return new Validator(root as Schema, '2020-12', false);
}

function expectValid(name: string, value: unknown, label = name): void {
  const result = validatorFor(name).validate(value);
  const errors = result.errors.map((e) => `${e.instanceLocation}: ${e.error}`).slice(0, 5);
  expect(result.valid, `${label} should match ${name}:\n${errors.join('\n')}`).to.equal(true);
}

function expectInvalid(name: string, value: unknown, label: string): void {
  expect(validatorFor(name).validate(value).valid, `${name} should reject ${label}`).to.equal(false);
}

describe('openapi.yaml', () => {
  it('is an OpenAPI 3.1 document with every path of the REST API', () => {
    expect(doc.openapi).to.match(/^3\.1\./);
    const operations: Record<string, [string, string]> = {
      '/organizations/{orgId}': ['get', 'getOrganization'],
      '/organizations/{orgId}/access': ['get', 'getAccess'],
      '/organizations/{orgId}/workspaces/stats': ['get', 'getWorkspaceStats'],
      '/organizations/{orgId}/billing/summary': ['get', 'getBilling'],
      '/organizations/{orgId}/plan': ['get', 'getPlan'],
      '/organizations/{orgId}/activities': ['get', 'listActivities'],
      '/organizations/{orgId}/announcements': ['get', 'listAnnouncements'],
      '/organizations/{orgId}/events': ['get', 'subscribe'],
      '/events': ['get', 'subscribeMany'],
      '/organizations/{orgId}/credits/purchases': ['post', 'purchaseCredits'],
      '/organizations/{orgId}/plan/low-credit-threshold': ['put', 'setLowCreditThreshold'],
    };
    expect(Object.keys(doc.paths).sort()).to.deep.equal(Object.keys(operations).sort());
    for (const [path, [method, operationId]] of Object.entries(operations)) {
      expect(Object.keys(doc.paths[path]), path).to.deep.equal([method]);
      expect(doc.paths[path][method].operationId, path).to.equal(operationId);
    }
  });

  it('documents the activity query parameters', () => {
    const names = doc.paths['/organizations/{orgId}/activities'].get.parameters!.map((p) => p.name);
    expect(names).to.include.members(['limit', 'cursor', 'resourceType', 'action', 'q', 'from', 'to']);
  });

  it('documents the event stream as text/event-stream with Last-Event-ID', () => {
    const events = doc.paths['/organizations/{orgId}/events'].get;
    expect(events.responses['200'].content).to.have.property('text/event-stream');
    expect(events.parameters!.some((p) => p.name === 'Last-Event-ID' && p.in === 'header')).to.equal(true);
  });

  it('documents the multi-org stream: orgId repeated in the query, Last-Event-ID, wrapped events, 400 without orgId', () => {
    const events = doc.paths['/events'].get;
    const orgId = events.parameters!.find((p) => p.name === 'orgId') as
      { in: string; required: boolean; explode: boolean; schema: { type: string } } | undefined;
    expect(orgId).to.deep.include({ in: 'query', required: true, explode: true });
    expect(orgId!.schema.type).to.equal('array');
    expect(events.parameters!.some((p) => p.name === 'Last-Event-ID' && p.in === 'header')).to.equal(true);
    const stream = events.responses['200'].content!['text/event-stream'] as Record<string, unknown>;
    expect(stream['x-event-schema']).to.deep.equal({ $ref: '#/components/schemas/MultiOrgEvent' });
    expect(events.responses).to.have.property('400');
  });

  it('documents the error responses on every operation, with Retry-After on 429', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        // The multi-org stream never refuses for an org (it sends that org nothing): no 403.
        const statuses =
          path === '/events' ? ['400', '401', '404', '429', '5XX'] : ['401', '403', '404', '429', '5XX'];
        for (const status of statuses) {
          expect(operation.responses, `${method} ${path} ${status}`).to.have.property(status);
        }
      }
    }
    // The writes' answers and refusals (DESIGN.md, "Errors"), and the purchase's key.
    const purchase = doc.paths['/organizations/{orgId}/credits/purchases'].post;
    for (const status of ['400', '402', '409', '422']) expect(purchase.responses).to.have.property(status);
    expect(purchase.parameters!.map((p) => p.$ref)).to.include('#/components/parameters/IdempotencyKey');
    const threshold = doc.paths['/organizations/{orgId}/plan/low-credit-threshold'].put;
    for (const status of ['400', '422']) expect(threshold.responses).to.have.property(status);
    expect(doc.components.responses.RateLimited.headers).to.have.property('Retry-After');
    for (const response of Object.values(doc.components.responses)) {
      expect(response.content).to.have.property('application/json');
    }
  });

  it('offers bearer and cookie authentication', () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes.bearerAuth).to.include({ type: 'http', scheme: 'bearer' });
    expect(schemes.cookieAuth).to.include({ type: 'apiKey', in: 'cookie' });
    expect(doc.security.flatMap((s) => Object.keys(s))).to.include.members(['bearerAuth', 'cookieAuth']);
  });
});

describe('openapi.yaml schemas accept every fixture', () => {
  const seeds = [1, 2];
  for (const seed of seeds) {
    it(`seed ${seed}: organization, access, stats, billing, plan and announcements of every org`, () => {
      const data = createDataset({ seed });
      for (const orgId of FIXTURE_ORG_IDS) {
        const org = data[orgId];
        expectValid('Organization', org.organization, `${orgId} organization`);
        expectValid('ViewerAccess', org.access, `${orgId} access`);
        expectValid('WorkspaceStats', org.workspaces, `${orgId} workspaces`);
        expectValid('BillingSummary', org.billing, `${orgId} billing`);
        expectValid('PlanSummary', org.plan, `${orgId} plan`);
        expectValid('AnnouncementList', org.announcements, `${orgId} announcements`);
        for (const announcement of org.announcements) {
          expectValid('Announcement', announcement, `${orgId} ${announcement.id}`);
        }
      }
    });

    it(`seed ${seed}: every activity, as pages of the activity endpoint`, () => {
      const data = createDataset({ seed });
      for (const orgId of FIXTURE_ORG_IDS) {
        const activities = data[orgId].activities;
        const pageValidator = validatorFor('ActivityPage');
        let cursor: string | null = null;
        do {
          const page = queryActivities(activities, { limit: 200, cursor }, data[orgId].activityRetention);
          const result = pageValidator.validate(page);
          expect(result.valid, `${orgId} page at ${cursor ?? 0}: ${result.errors[0]?.error}`).to.equal(true);
          cursor = page.nextCursor;
        } while (cursor !== null);
      }
    });
  }

  it('accepts live events and error bodies', () => {
    const data = createDataset();
    const org = data[ACME_ORG_ID];
    const events = [
      { topic: 'organization', data: org.organization },
      { topic: 'workspaces', data: org.workspaces },
      { topic: 'billing', data: org.billing },
      { topic: 'plan', data: org.plan },
      { topic: 'activity', data: createActivity(ACME_ORG_ID) },
      { topic: 'announcements', data: org.announcements[0] },
    ];
    for (const event of events) {
      expectValid('DashboardEvent', event, `${event.topic} event`);
      const wrapped = { topic: event.topic, data: { orgId: ACME_ORG_ID, data: event.data } };
      expectValid('MultiOrgEvent', wrapped, `${event.topic} multi-org event`);
    }
    expectValid('Error', { code: 'not-found', message: 'No organization org_x.' });
  });
});

describe('openapi.yaml schemas reject wrong objects', () => {
  const data = createDataset({ now: '2025-06-15T12:00:00.000Z' });
  const org = data[ACME_ORG_ID];
  const activity = org.activities[0];
  const announcement = org.announcements[0];

  const cases: [schema: string, label: string, value: unknown][] = [
    ['Money', 'a fractional amount', { amountMinor: 12.5, currency: 'USD' }],
    ['Money', 'a lowercase currency', { amountMinor: 1250, currency: 'usd' }],
    ['Money', 'an amount as a string', { amountMinor: '1250', currency: 'USD' }],
    ['Organization', 'an empty object', {}],
    ['Organization', 'a blank name', { ...org.organization, name: '   ' }],
    ['Organization', 'a date that is not an instant', { ...org.organization, createdAt: 'yesterday' }],
    ['Organization', 'a negative team size', { ...org.organization, teamSize: -1 }],
    ['Organization', 'an owner without a name', { ...org.organization, owner: { email: 'a@b.example' } }],
    ['ViewerAccess', 'permissions that are not a list', { permissions: 'billing:read' }],
    ['ViewerAccess', 'a made-up permission', { permissions: ['billing:steal'] }],
    ['WorkspaceStats', 'a missing count', { total: 3, active: 1, suspended: 1 }],
    ['WorkspaceStats', 'a fractional count', { total: 3.5, active: 1, suspended: 1, others: 1.5 }],
    ['WorkspaceStats', 'a negative breakdown', { ...org.workspaces, othersByState: { failed: -1 } }],
    [
      'BillingSummary',
      'an instant as the invoice date',
      { ...org.billing, nextInvoiceDate: '2025-07-01T00:00:00Z' },
    ],
    [
      'BillingSummary',
      'a month 13',
      { ...org.billing, history: [{ month: '2025-13', total: org.billing.lastMonthTotal }] },
    ],
    [
      'BillingSummary',
      'no last month',
      { currentMonthTotal: org.billing.currentMonthTotal, nextInvoiceDate: '2025-07-01' },
    ],
    ['BillingSummary', 'a period without an end', { ...org.billing, period: { start: '2025-06-01' } }],
    [
      'BillingSummary',
      'a period of instants',
      { ...org.billing, period: { start: '2025-06-01T00:00:00Z', end: '2025-07-01T00:00:00Z' } },
    ],
    [
      'BillingSummary',
      'a fractional forecast',
      { ...org.billing, forecastTotal: { amountMinor: 0.5, currency: 'USD' } },
    ],
    ['PlanSummary', 'credits as a number', { name: 'Enterprise', availableCredits: 100 }],
    [
      'PlanSummary',
      'usage that is not a list',
      { ...org.plan, usage: { '2025-06-14': org.plan.availableCredits } },
    ],
    [
      'PlanSummary',
      'negative usage',
      { ...org.plan, usage: [{ date: '2025-06-14', credits: { amountMinor: -1, currency: 'USD' } }] },
    ],
    [
      'PlanSummary',
      'a usage day with a time',
      { ...org.plan, usage: [{ date: '2025-06-14T00:00:00Z', credits: org.plan.availableCredits }] },
    ],
    ['PlanSummary', 'no name', { availableCredits: org.plan.availableCredits }],
    ['Activity', 'no id', { ...activity, id: undefined }],
    ['Activity', 'an empty action', { ...activity, action: '' }],
    ['Activity', 'an actor as a string', { ...activity, actor: 'Ada' }],
    ['ActivityPage', 'a missing nextCursor', { items: [activity] }],
    ['ActivityPage', 'a numeric cursor', { items: [activity], nextCursor: 20 }],
    ['ActivityPage', 'a retention of 0 days', { items: [activity], nextCursor: null, retentionDays: 0 }],
    ['ActivityPage', 'a retention in a string', { items: [activity], nextCursor: null, retentionDays: '90' }],
    ['Announcement', 'an unknown kind', { ...announcement, kind: 'promo' }],
    ['Announcement', 'an unknown severity', { ...announcement, severity: 'urgent' }],
    [
      'Announcement',
      'a window without an end',
      { ...announcement, window: { start: announcement.publishedAt } },
    ],
    ['AnnouncementList', 'an object instead of a list', { items: [announcement] }],
    ['DashboardEvent', 'an unknown topic', { topic: 'credits', data: org.plan }],
    ['DashboardEvent', 'data of another topic', { topic: 'plan', data: org.workspaces }],
    ['MultiOrgEvent', 'a bare payload', { topic: 'plan', data: org.plan }],
    ['MultiOrgEvent', 'no orgId', { topic: 'plan', data: { data: org.plan } }],
    ['MultiOrgEvent', 'an empty orgId', { topic: 'plan', data: { orgId: '', data: org.plan } }],
    [
      'MultiOrgEvent',
      'a payload of another topic',
      { topic: 'plan', data: { orgId: 'o', data: org.workspaces } },
    ],
    ['Error', 'no code', { message: 'Nope.' }],
  ];

  for (const [schema, label, value] of cases) {
    it(`${schema} rejects ${label}`, () => {
      // JSON round trip: undefined fields vanish, as on the wire.
      expectInvalid(schema, JSON.parse(JSON.stringify(value)), label);
    });
  }
});
