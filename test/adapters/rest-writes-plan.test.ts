/**
 * The plan's `creditPacks` (what "Add credits" offers) as validation reads them: a list that keeps
 * its valid items (DESIGN.md, "Lists"), each positive money in the credits' currency, one per
 * amount, in the server's order; and the plan the threshold PUT answers, read the same way through
 * the REST adapter and a real HTTP server.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { Money } from '../../src/contract/types.js';
import { invalidItemsOf, parsePlanSummary } from '../../src/contract/validation.js';
import { apiBase, newOrg, report, setUp } from './rest-writes-server.js';

const plan = (creditPacks: unknown) => ({
  name: 'Enterprise',
  availableCredits: { amountMinor: 1_000, currency: 'KWD' },
  creditPacks,
});
const kwd = (amountMinor: number): Money => ({ amountMinor, currency: 'KWD' });

describe('PlanSummary.creditPacks', () => {
  it('keeps positive money in the credits’ currency, in the server’s order', () => {
    const packs = [kwd(62_500), kwd(25_000), kwd(150_750)];
    expect(parsePlanSummary(plan(packs)).creditPacks).to.deep.equal(packs);
    expect(parsePlanSummary(plan([])).creditPacks).to.deep.equal([]);
    expect(parsePlanSummary({ ...plan(undefined), creditPacks: undefined })).to.not.have.property(
      'creditPacks',
    );
  });

  it('leaves out and names each invalid pack, and a second pack of an amount already offered', () => {
    const parsed = parsePlanSummary(
      plan([
        kwd(25_000),
        { amountMinor: 25_000, currency: 'USD' },
        kwd(0),
        kwd(-5),
        kwd(1.5),
        { amountMinor: 7 },
        'ten',
        kwd(25_000),
        kwd(62_500),
      ]),
    );
    expect(parsed.creditPacks).to.deep.equal([kwd(25_000), kwd(62_500)]);
    expect(invalidItemsOf(parsed).map((error) => [error.code, error.path])).to.deep.equal([
      ['invalid-data', 'creditPacks[1].currency'],
      ['invalid-data', 'creditPacks[2].amountMinor'],
      ['invalid-data', 'creditPacks[3].amountMinor'],
      ['invalid-data', 'creditPacks[4].amountMinor'],
      ['invalid-data', 'creditPacks[5].currency'],
      ['invalid-data', 'creditPacks[6]'],
    ]);
  });

  it('a value that is no list makes the plan invalid', () => {
    for (const value of [null, kwd(1), 'packs', 3]) {
      expect(() => parsePlanSummary(plan(value)), JSON.stringify(value))
        .to.throw()
        .with.property('path', 'creditPacks');
    }
  });

  it('generated lists: exactly the valid packs, first of each amount, and every other one named', () => {
    const entry = fc.oneof(
      fc.integer({ min: 1, max: 50 }).map((n) => ({ value: kwd(n * 1_000) as unknown, valid: true })),
      fc
        .integer({ min: 1, max: 50 })
        .map((n) => ({ value: { amountMinor: n, currency: 'EUR' }, valid: false })),
      fc.integer({ min: -3, max: 0 }).map((n) => ({ value: kwd(n), valid: false })),
      fc.double({ min: 0.1, max: 9.9, noInteger: true }).map((n) => ({ value: kwd(n), valid: false })),
      fc.constantFrom(null, 'x', [], {}).map((value) => ({ value, valid: false })),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const parsed = parsePlanSummary(plan(entries.map((e) => e.value)));
        const seen = new Set<number>();
        const expected = entries
          .filter((e) => e.valid)
          .map((e) => e.value as Money)
          .filter((money) => !seen.has(money.amountMinor) && seen.add(money.amountMinor));
        expect(parsed.creditPacks).to.deep.equal(expected);
        const named = invalidItemsOf(parsed).map(
          (error) => /^creditPacks\[(\d+)\]/.exec(error.path ?? '')?.[1],
        );
        const invalid = entries.flatMap((e, index) => (e.valid ? [] : [String(index)]));
        expect(named).to.deep.equal(invalid);
      }),
      { numRuns: 300 },
    );
  });

  it('the threshold PUT’s plan keeps its packs through the REST adapter', async function () {
    this.timeout(60_000);
    const org = newOrg('packs');
    const answer = JSON.stringify({ ...plan([kwd(25_000), kwd(-1)]), lowCreditThreshold: kwd(500) });
    await setUp(org, { balance: kwd(1_000), faults: [{ kind: 'answer', status: 200, body: answer }] });
    const adapter = createRestAdapter({ baseUrl: await apiBase(), timeoutMs: 0 });
    const parsed = await adapter.setLowCreditThreshold(org, kwd(500));
    expect(parsed.creditPacks).to.deep.equal([kwd(25_000)]);
    expect(invalidItemsOf(parsed).map((error) => error.path)).to.deep.equal(['creditPacks[1].amountMinor']);
    expect((await report(org, true)).requests).to.have.length(1);
  });
});
