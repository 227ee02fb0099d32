/** The packs "Add credits" offers in the demo data (issue #14): each org's currency and minor unit. */
import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { FIXTURE_ORG_IDS, createDataset } from '../../src/msw.js';

const MOMENTS = ['2025-06-15T12:00:00.000Z', '2026-12-02T00:20:00.000Z'];

describe('fixtures: credit packs', () => {
  it('offers each org ascending packs in its credits currency, whole in its minor unit, each one buyable', async () => {
    for (const seed of [1, 2]) {
      const data = createDataset({ seed, now: MOMENTS[seed - 1] });
      const adapter = createMemoryAdapter(structuredClone(data));
      for (const orgId of FIXTURE_ORG_IDS) {
        const { creditPacks, availableCredits } = data[orgId].plan;
        const { currency } = availableCredits;
        expect(creditPacks, orgId).to.have.length.of.at.least(2);
        const amounts = creditPacks!.map((pack) => pack.amountMinor);
        expect(
          [...amounts].sort((a, b) => a - b),
          orgId,
        ).to.deep.equal(amounts);
        for (const pack of creditPacks!) {
          expect(pack.currency, orgId).to.equal(currency);
          expect(Number.isSafeInteger(pack.amountMinor) && pack.amountMinor > 0, orgId).to.equal(true);
        }
        if (!data[orgId].access.permissions.includes('plan:manage')) continue;
        let expected = availableCredits.amountMinor;
        for (const [index, amount] of creditPacks!.entries()) {
          expected += amount.amountMinor;
          const bought = await adapter.purchaseCredits!(orgId, { amount, idempotencyKey: `pack-${index}` });
          expect(bought, orgId).to.deep.equal({
            status: 'completed',
            availableCredits: { currency, amountMinor: expected },
          });
        }
      }
    }
  });

  it('reads each pack in its currency’s ISO minor unit: fils for Gulf (KWD, three decimals), yen for Sakura', () => {
    const plans = createDataset({ now: MOMENTS[0] });
    // 62.500 and 150.750 dinars: amounts a thousandth of a dinar each, not whole dinars.
    expect(plans.org_gulf.plan.creditPacks!.map((p) => p.amountMinor)).to.deep.equal([
      25_000, 62_500, 150_750,
    ]);
    expect(plans.org_sakura.plan.creditPacks!.map((p) => p.amountMinor)).to.deep.equal([
      50_000, 100_000, 300_000,
    ]);
    expect(plans.org_acme.plan.creditPacks!.map((p) => p.amountMinor)).to.deep.equal([
      500_000, 1_000_000, 2_500_000,
    ]);
  });
});
