import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/billing-card.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import {
  codeForStatus,
  DASHBOARD_ERROR_CODES,
  DashboardError,
  toDashboardError,
} from '../../src/contract/errors.js';
import type { DashboardAdapter } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import { dataset } from '../helpers/data.js';
import { reach } from '../helpers/card-fixtures.js';

/** A `DashboardError` of another copy of the library: same shape, another class. */
class ForeignDashboardError extends Error {
  override readonly name = 'DashboardError';
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const code = fc.constantFrom(...DASHBOARD_ERROR_CODES);
const status = fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined });
const wait = fc.option(fc.nat({ max: 600_000 }), { nil: undefined });

describe('toDashboardError: what an adapter rejects with (DESIGN.md, "Errors")', () => {
  it("keeps the code, status and wait of any error that carries DESIGN's code, whatever its class", () => {
    const shapes = [
      (c: string, s?: number, w?: number) => new ForeignDashboardError(c, 'refused', s, w),
      (c: string, s?: number, w?: number) =>
        Object.assign(new Error('refused'), { code: c, status: s, retryAfterMs: w }),
      (c: string, s?: number, w?: number) => ({ code: c, status: s, retryAfterMs: w }),
    ];
    fc.assert(
      fc.property(code, status, wait, fc.integer({ min: 0, max: shapes.length - 1 }), (c, s, w, shape) => {
        const original = shapes[shape](c, s, w);
        const error = toDashboardError(original);
        expect(error).to.be.instanceOf(DashboardError);
        expect(error.code).to.equal(c);
        expect(error.status).to.equal(s);
        expect(error.retryAfterMs).to.equal(w);
        expect(error.cause).to.equal(original);
      }),
      { numRuns: 300 },
    );
  });

  it('reads an HTTP error status where the error has no code DESIGN knows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        fc.constantFrom(undefined, 'ERR_BAD_REQUEST'),
        (s, c) => {
          const error = toDashboardError(Object.assign(new Error('Request failed'), { status: s, code: c }));
          expect(error.code).to.equal(codeForStatus(s));
          expect(error.status).to.equal(s);
        },
      ),
    );
  });

  it('calls anything else a failure of the data source, with no status', () => {
    for (const value of [
      new Error('bug'),
      { code: 'EUNKNOWN' },
      { status: 200 },
      { status: '403' },
      'text',
      42,
      null,
    ]) {
      const error = toDashboardError(value);
      expect(error.code, String(value)).to.equal('server');
      expect(error.status).to.equal(undefined);
    }
  });

  it("shows the no-access notice for an adapter's own 403, as for the REST adapter's", async () => {
    const memory = createMemoryAdapter(dataset('o1'));
    const adapter: DashboardAdapter = {
      ...memory,
      getBilling: () =>
        Promise.reject(Object.assign(new Error('Forbidden'), { code: 'forbidden', status: 403 })),
    };
    const provider = await fixture(html`
      <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US">
        <billing-card></billing-card>
      </org-dashboard-provider>
    `);
    await reach(provider.querySelector<BillingCard>('billing-card')!, 'no-access');
  });
});
