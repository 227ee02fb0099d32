/**
 * A purchase that may have been charged (its answer lost) is owed its Retry, with its key, until a
 * purchase of the org goes through: trying another amount in between, refused, does not give it
 * up, so going back to the first amount cannot charge it twice (PurchaseFlow, PurchaseLedger).
 */
import { expect } from '@open-wc/testing';
import { DashboardError, type DashboardErrorCode } from '../../src/contract/errors.js';
import type { Money } from '../../src/contract/types.js';
import { PurchaseFlow } from '../../src/elements/plan-card/purchase-flow.js';
import { PurchaseLedger } from '../../src/elements/plan-card/purchase-ledger.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

function flowOnOneLedger() {
  let count = 0;
  const ledger = new PurchaseLedger();
  const flow = new PurchaseFlow(
    () => `k${(count += 1)}`,
    () => ledger,
  );
  flow.open('o1');
  /** Buys `amount` from the choice; the backend answers `code` (an error) or completes. */
  const buy = (amount: number, code?: DashboardErrorCode): string => {
    flow.edit();
    flow.choosePack(usd(amount));
    const attempt = flow.submit()!;
    flow.settle(
      attempt,
      code
        ? { ok: false, error: new DashboardError(code, code) }
        : { ok: true, purchase: { status: 'completed', availableCredits: usd(amount) } },
    );
    return attempt.idempotencyKey;
  };
  return { flow, buy };
}

describe('a purchase that may have been charged stays owed its key', () => {
  it('another amount refused in between: the first amount again is its Retry (same key)', () => {
    const { buy } = flowOnOneLedger();
    expect([buy(100, 'network'), buy(250, 'payment-required'), buy(100)]).to.deep.equal(['k1', 'k2', 'k1']);
  });

  it('two amounts each lost: each keeps its own key until one goes through', () => {
    const { buy } = flowOnOneLedger();
    expect([buy(100, 'timeout'), buy(250, 'network'), buy(100), buy(250)]).to.deep.equal([
      'k1',
      'k2',
      'k1',
      'k3',
    ]);
  });

  it('once a purchase of the org went through, the same amount is a new purchase', () => {
    const { buy } = flowOnOneLedger();
    expect([buy(100, 'network'), buy(250), buy(100)]).to.deep.equal(['k1', 'k2', 'k3']);
  });
});
