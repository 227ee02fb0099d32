/**
 * Property-based fuzzing with fast-check: validators, the REST adapter, every
 * formatter and the cards' rendering get random and boundary inputs (NaN,
 * Infinity, -0, 2^53, negative amounts, malformed currencies, invalid dates,
 * 10,000-character and right-to-left strings). Only typed errors come out;
 * nothing else throws. Over 100,000 generated cases in all.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { CardState } from '../../src/base/dashboard-card.js';
import { DashboardError } from '../../src/contract/errors.js';
import { isSafeUrl, resolveLink } from '../../src/contract/links.js';
import * as validation from '../../src/contract/validation.js';
import { billingTrend, spendingSeries } from '../../src/elements/billing-card/billing-card.js';
import { describeWindow } from '../../src/elements/announcements-panel/maintenance-window.js';
import type { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import { clampLimit } from '../../src/elements/activity-feed/activity-feed.js';
import { barSegments, humanizeState } from '../../src/elements/workspace-stats-card/workspace-stats-card.js';
import {
  formatCalendarDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  isoInstant,
  resolveLocale,
  resolveTimeZone,
  type FormatContext,
} from '../../src/format/format.js';
import { formatRelativeTime } from '../../src/format/relative-time.js';
import { fill } from '../../src/strings/template.js';
import { READ_METHODS } from '../helpers/data.js';

/** Generated cases so far, across every property (the issue asks for at least 100,000). */
let generated = 0;
const counted =
  <A extends unknown[], R>(check: (...args: A) => R) =>
  (...args: A): R => {
    generated += 1;
    return check(...args);
  };

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

const RTL = ['שלום עולם', 'مرحبا بالعالم', '\u202eevil\u202c', '\u200f\u05d0\u05d1', 'سلام‎ abc ‏'];
const boundaryNumber = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    2 ** 53,
    -(2 ** 53),
    2 ** 53 + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    -1,
    1e21,
    0.1,
  ),
  fc.integer(),
  fc.double(),
  fc.maxSafeInteger(),
);
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(...RTL),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    'x'.repeat(10_000),
    'x'.repeat(10_001),
    '2024-02-30',
    'NaN',
    '__proto__',
    'constructor',
  ),
  // 10,000 characters around the validators' limit, built cheaply from a short random seed.
  fc
    .tuple(
      fc.string({ maxLength: 4 }),
      fc.constantFrom(9_999, 10_000, 10_001),
      fc.constantFrom('x', 'ש', 'ع', '\u202e'),
    )
    .map(([seed, length, fill]) => seed.padEnd(length, fill)),
);
const currency = fc.oneof(
  fc.constantFrom('USD', 'JPY', 'KWD', 'EUR', 'XXX', 'ABC', 'usd', 'US', 'USDX', '', '€', '123', 'ZZZ'),
  fc.stringMatching(/^[A-Z]{3}$/),
  hostileString,
);
const dateString = fc.oneof(
  fc.constantFrom(
    '2024-02-30',
    '2024-13-01',
    '0000-00-00',
    '2024-06-01T25:61:00Z',
    '+275760-09-13T00:00:00.000Z',
    '+275760-09-13T00:00:00.001Z',
    '-271821-04-20T00:00:00Z',
    'not a date',
    '',
    '2024-06-01',
    '2024-06-01T12:00:00Z',
    '2024-06-01T12:00:00+14:00',
  ),
  fc
    .date({ noInvalidDate: false })
    .map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())),
  hostileString,
);
const money = fc.record({ amountMinor: boundaryNumber, currency });
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 5, withMap: true, withSet: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Objects near the real shapes: right keys, random or boundary values, so validation is exercised deeply. */
const nearOrganization = fc.record(
  {
    id: hostileString,
    name: hostileString,
    owner: fc.oneof(
      fc.record({ name: hostileString, email: hostileString }, { requiredKeys: ['name'] }),
      anyValue,
    ),
    createdAt: dateString,
    teamSize: boundaryNumber,
  },
  { requiredKeys: [] },
);
const nearWorkspaces = fc.record(
  {
    total: boundaryNumber,
    active: boundaryNumber,
    suspended: boundaryNumber,
    others: boundaryNumber,
    othersByState: fc.dictionary(hostileString, boundaryNumber, { maxKeys: 5 }),
  },
  { requiredKeys: [] },
);
const nearBilling = fc.record(
  {
    currentMonthTotal: money,
    lastMonthTotal: money,
    nextInvoiceDate: dateString,
    history: fc.array(
      fc.record({ month: fc.oneof(fc.stringMatching(/^\d{4}-\d{2}$/), hostileString), total: money }),
      {
        maxLength: 8,
      },
    ),
  },
  { requiredKeys: [] },
);
const nearPlan = fc.record(
  { name: hostileString, availableCredits: money, lowCreditThreshold: money },
  { requiredKeys: [] },
);
const nearActivity = fc.record(
  {
    id: hostileString,
    resourceType: hostileString,
    action: hostileString,
    occurredAt: dateString,
    actor: fc.record({ name: hostileString }),
    resourceName: hostileString,
  },
  { requiredKeys: [] },
);
const nearAnnouncement = fc.record(
  {
    id: hostileString,
    kind: fc.oneof(fc.constantFrom('feature', 'release', 'maintenance', 'update'), hostileString),
    title: hostileString,
    body: hostileString,
    publishedAt: dateString,
    severity: fc.oneof(fc.constantFrom('info', 'warning', 'critical'), hostileString),
    url: hostileString,
    window: fc.record({ start: dateString, end: dateString }),
  },
  { requiredKeys: [] },
);

/** Only a typed `invalid-data` error may come out of a validator. */
function onlyInvalidData(parse: (value: unknown) => unknown) {
  return (value: unknown) => {
    try {
      parse(value);
    } catch (error) {
      if (!(error instanceof DashboardError) || error.code !== 'invalid-data') throw error;
    }
  };
}

const ctx = fc.record({
  locale: fc
    .oneof(fc.constantFrom('en-US', 'de-DE', 'ar-EG', 'he-IL', 'ja-JP', 'hi-IN-u-nu-deva'), hostileString)
    .map((l) => resolveLocale(l)),
  timeZone: fc
    .oneof(fc.constantFrom('UTC', 'Asia/Kolkata', 'Pacific/Kiritimati', 'America/St_Johns'), hostileString)
    .map((z) => resolveTimeZone(z)),
}) as fc.Arbitrary<FormatContext>;

const isText = (value: unknown) => typeof value === 'string';

describe('fuzzing (fast-check)', function () {
  this.timeout(60000);

  describe('validators: only invalid-data comes out', () => {
    const validators: [string, (value: unknown) => unknown, fc.Arbitrary<unknown>][] = [
      ['parseOrganization', validation.parseOrganization, nearOrganization],
      ['parseWorkspaceStats', validation.parseWorkspaceStats, nearWorkspaces],
      ['parseBillingSummary', validation.parseBillingSummary, nearBilling],
      ['parsePlanSummary', validation.parsePlanSummary, nearPlan],
      [
        'parseActivityPage',
        validation.parseActivityPage,
        fc.record({
          items: fc.array(nearActivity, { maxLength: 4 }),
          nextCursor: fc.oneof(fc.constant(null), hostileString),
        }),
      ],
      ['parseAnnouncements', validation.parseAnnouncements, fc.array(nearAnnouncement, { maxLength: 4 })],
      [
        'parseViewerAccess',
        validation.parseViewerAccess,
        fc.record(
          {
            permissions: fc.array(fc.oneof(hostileString, fc.constant('billing:read'))),
            role: hostileString,
          },
          { requiredKeys: [] },
        ),
      ],
      [
        'parseDashboardEvent',
        validation.parseDashboardEvent,
        fc.record({
          topic: fc.constantFrom(
            'organization',
            'workspaces',
            'billing',
            'plan',
            'activity',
            'announcements',
            'x',
            '',
          ),
          data: fc.oneof(
            nearOrganization,
            nearWorkspaces,
            nearBilling,
            nearPlan,
            nearActivity,
            nearAnnouncement,
            anyValue,
          ),
        }),
      ],
    ];
    for (const [name, parse, near] of validators) {
      it(`${name}: random values and near-valid shapes`, () => {
        fc.assert(fc.property(anyValue, counted(onlyInvalidData(parse))), { numRuns: 4000 });
        fc.assert(fc.property(near, counted(onlyInvalidData(parse))), { numRuns: 4000 });
      });
    }
  });

  describe('formatters never throw and always give text', () => {
    it('formatMoney', () => {
      fc.assert(
        fc.property(
          money,
          ctx,
          counted((m, c) => isText(formatMoney(m, c))),
        ),
        { numRuns: 5000 },
      );
    });
    it('formatNumber and formatPercent', () => {
      fc.assert(
        fc.property(
          boundaryNumber,
          ctx,
          fc.integer({ min: 0, max: 20 }),
          counted((n, c, digits) => isText(formatNumber(n, c)) && isText(formatPercent(n, c, digits))),
        ),
        { numRuns: 8000 },
      );
    });
    it('formatDateTime, formatCalendarDate, isoInstant and formatRelativeTime', () => {
      fc.assert(
        fc.property(
          fc.oneof(dateString, boundaryNumber),
          boundaryNumber,
          ctx,
          counted((value, now, c) => {
            const all = [
              formatDateTime(value, c),
              formatCalendarDate(String(value), c),
              isoInstant(String(value)),
              formatRelativeTime(value, now, c),
            ];
            return all.every(isText);
          }),
        ),
        { numRuns: 8000 },
      );
    });
    it('resolveLocale and resolveTimeZone accept any string', () => {
      fc.assert(
        fc.property(
          hostileString,
          counted(
            (s) =>
              isText(resolveLocale(s)) && (resolveTimeZone(s) === undefined || isText(resolveTimeZone(s))),
          ),
        ),
        { numRuns: 5000 },
      );
    });
    it('billingTrend and spendingSeries', () => {
      fc.assert(
        fc.property(
          money,
          money,
          nearBilling,
          counted((current, last, billing) => {
            const trend = billingTrend(current, last);
            if ('ratio' in trend && !(Number.isFinite(trend.ratio) && trend.ratio >= 0)) return false;
            const history = Array.isArray(billing.history) ? billing.history : [];
            const series = spendingSeries(history as never, current.currency);
            return series.every((point) => Number.isFinite(point.offset) || Number.isNaN(point.offset));
          }),
        ),
        { numRuns: 8000 },
      );
    });
    it('barSegments: never NaN, never wider than the bar', () => {
      fc.assert(
        fc.property(
          fc.record({
            total: boundaryNumber,
            active: boundaryNumber,
            suspended: boundaryNumber,
            others: boundaryNumber,
          }),
          counted((stats) => {
            const segments = barSegments(stats);
            const valid = (s: WorkspaceStatsLike) => parseWorkspaceStatsSafe(s);
            // For data that passes validation (what a card ever sees), segments are sane.
            if (!valid(stats)) return true;
            const total = segments.reduce((sum, s) => sum + s.width, 0);
            return segments.every((s) => Number.isFinite(s.x) && s.width >= 0) && total <= 100 + 1e-9;
          }),
        ),
        { numRuns: 8000 },
      );
    });
    it('humanizeState, fill, isSafeUrl, resolveLink and clampLimit', () => {
      fc.assert(
        fc.property(
          hostileString,
          fc.oneof(boundaryNumber, hostileString, fc.constantFrom(null, undefined, true, false)),
          counted((s, limit) => {
            const safe = isSafeUrl(s);
            const link = resolveLink({ activityLog: s }, 'activityLog', s);
            // Browsers strip control characters and spaces before they read the scheme.
            // eslint-disable-next-line no-control-regex
            const scheme = link?.replace(/[\u0000-\u0020]/g, '') ?? '';
            if (/^(javascript|data|vbscript):/i.test(scheme)) return false;
            return (
              isText(humanizeState(s)) &&
              isText(fill(s, { time: s })) &&
              typeof safe === 'boolean' &&
              Number.isInteger(clampLimit(limit))
            );
          }),
        ),
        { numRuns: 8000 },
      );
    });
    it('describeWindow', () => {
      fc.assert(
        fc.property(
          dateString,
          dateString,
          // `now` is the page's clock: any time a Date can hold (the window's own instants are fuzzed).
          fc.integer({ min: -8.64e15, max: 8.64e15 }),
          ctx,
          counted((start, end, now, c) => {
            const text = describeWindow({ start, end }, now, c);
            return text === undefined || (isText(text.when) && isText(text.range));
          }),
        ),
        { numRuns: 5000 },
      );
    });
  });

  describe('REST adapter: only DashboardError comes out', () => {
    it('random status codes and bodies on every endpoint', async () => {
      const body = fc.oneof(
        anyValue.map((v) => {
          try {
            return JSON.stringify(v) ?? '';
          } catch {
            return '';
          }
        }),
        fc.string(),
        fc.constantFrom('', '{', 'null', '[]', '{"items":', '\u0000', 'x'.repeat(20_000)),
      );
      const status = fc.oneof(
        fc.constantFrom(200, 204, 301, 400, 401, 403, 404, 410, 418, 429, 500, 502, 503),
        fc.integer({ min: 200, max: 599 }),
      );
      const header = fc.option(
        fc.oneof(fc.constantFrom('0', '1', '-1', 'NaN', 'Wed, 21 Oct 2015 07:28:00 GMT'), fc.string()),
      );
      const method = fc.constantFrom(...READ_METHODS) as fc.Arbitrary<'getOrganization'>;
      await fc.assert(
        fc.asyncProperty(
          method,
          status,
          body,
          header,
          hostileString,
          counted(async (name, code, text, retryAfter, orgId) => {
            const fetch = (async () => {
              const init: ResponseInit = {
                status: code,
                headers: retryAfter === null ? {} : { 'retry-after': retryAfter },
              };
              // 204/205/304 may carry no body.
              return new Response([204, 205, 304].includes(code) ? null : text, init);
            }) as typeof globalThis.fetch;
            const adapter = createRestAdapter({
              baseUrl: '/api',
              fetch,
              retries: 0,
              timeoutMs: 0,
              getToken: () => 't',
            });
            try {
              await adapter[name](orgId);
            } catch (error) {
              if (!(error instanceof DashboardError)) throw error;
            }
          }),
        ),
        { numRuns: 6000 },
      );
    });
  });

  describe('rendering never throws', () => {
    it('<org-dashboard> with any org id, user id and link template', async () => {
      const problems: string[] = [];
      const onError = (event: ErrorEvent) => problems.push(event.message);
      window.addEventListener('error', onError);
      const adapter = createMemoryAdapter({});
      const dashboard = await fixture<OrgDashboard>(
        html`<org-dashboard .adapter=${adapter}></org-dashboard>`,
      );
      try {
        await fc.assert(
          fc.asyncProperty(
            hostileString,
            hostileString,
            counted(async (orgId, template) => {
              dashboard.orgId = orgId;
              dashboard.links = { activityLog: template, invoices: template };
              await dashboard.updateComplete;
              for (const card of dashboard.shadowRoot!.querySelectorAll('[part~="grid"] > *')) {
                card.setAttribute('user-id', orgId);
                await (card as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
              }
            }),
          ),
          { numRuns: 150 },
        );
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(problems).to.deep.equal([]);
    });

    const cards: [string, fc.Arbitrary<unknown>][] = [
      ['org-info-card', nearOrganization],
      ['workspace-stats-card', nearWorkspaces],
      ['billing-card', nearBilling],
      ['plan-card', nearPlan],
      ['activity-feed', fc.array(nearActivity, { maxLength: 3 })],
      ['announcements-panel', fc.array(nearAnnouncement, { maxLength: 3 })],
    ];
    for (const [tag, near] of cards) {
      it(`<${tag}> in controlled mode with arbitrary data`, async () => {
        const problems: string[] = [];
        const onError = (event: ErrorEvent) => problems.push(event.message);
        window.addEventListener('error', onError);
        const card = await fixture<
          HTMLElement & { data?: unknown; state: CardState; updateComplete: Promise<boolean> }
        >(html`<div></div>`).then((host) => {
          const element = document.createElement(tag) as HTMLElement & {
            data?: unknown;
            state: CardState;
            updateComplete: Promise<boolean>;
          };
          host.append(element);
          return element;
        });
        try {
          await fc.assert(
            fc.asyncProperty(
              fc.oneof(
                near,
                anyValue.filter((v) => v !== undefined),
              ),
              counted(async (data) => {
                card.data = data;
                await card.updateComplete;
                return ['ready', 'empty', 'error'].includes(card.state);
              }),
            ),
            { numRuns: 300 },
          );
        } finally {
          window.removeEventListener('error', onError);
        }
        expect(problems).to.deep.equal([]);
      });
    }
  });

  // Mocha runs a suite's own tests before its child suites: this one comes last.
  describe('in all', () => {
    it('generated at least 100,000 cases', () => {
      expect(generated).to.be.at.least(100_000);
    });
  });
});

type WorkspaceStatsLike = { total: number; active: number; suspended: number; others: number };
function parseWorkspaceStatsSafe(stats: WorkspaceStatsLike): boolean {
  try {
    validation.parseWorkspaceStats(stats);
    return true;
  } catch {
    return false;
  }
}
