/**
 * The plan card fetches its writes' module in idle time once it is ready (plan-writes-loader.ts):
 * once for the page, whichever card asks first. Until 2026-12-06 each card scheduled a fetch of its
 * own, whose callbacks held the card (removed-elements.test.ts shows that none is held now).
 *
 * A file of its own: the prefetch's state is the module's, so the test starts from a page where no
 * card has asked yet.
 */
import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { planWritesChunk } from '../../src/elements/plan-card/plan-writes-loader.js';
import { dataset, until } from '../helpers/data.js';

const realLoad = planWritesChunk.load;

/** Module fetches asked for and not yet ended. */
let pending: ((error: unknown) => void)[] = [];
let fetches = 0;

/** A fetch that ends only when the test says so (a slow network). */
function slowLoad(): ReturnType<typeof realLoad> {
  fetches += 1;
  return new Promise((_, reject) => pending.push(reject));
}

function failPending(): void {
  for (const reject of pending) reject(new TypeError('Failed to fetch dynamically imported module'));
  pending = [];
}

/** `count` plan cards for an org whose credits can be bought, ready; returns their container. */
async function readyCards(count: number): Promise<HTMLElement> {
  const data = dataset('o1');
  data.o1.plan.creditPacks = [{ amountMinor: 10_000, currency: 'USD' }];
  const container = document.createElement('div');
  const cards = Array.from({ length: count }, () => {
    const card = document.createElement('plan-card') as PlanCard;
    card.setAttribute('org-id', 'o1');
    card.setAttribute('locale', 'en-US');
    card.adapter = createMemoryAdapter(data);
    return card;
  });
  container.append(...cards);
  document.body.append(container);
  for (const card of cards) {
    await until(() => card.state === 'ready', 'ready');
    await card.updateComplete;
  }
  return container;
}

/** Runs after every idle callback asked for until now (the browser runs them in order). */
const afterIdleCallbacks = () => new Promise((resolve) => requestIdleCallback(resolve));

describe('plan-card writes prefetch', () => {
  beforeEach(() => {
    fetches = 0;
    planWritesChunk.load = slowLoad;
  });
  afterEach(() => {
    failPending();
    planWritesChunk.load = realLoad;
  });

  it('fetches once for the page, whichever card is ready first, and again after a failed fetch', async () => {
    const first = await readyCards(3);
    await afterIdleCallbacks();
    expect(fetches).to.equal(1);
    // The fetch fails once the cards are gone (a card still there would ask again at its next update).
    first.remove();
    failPending();
    await Promise.resolve();
    const next = await readyCards(1);
    await afterIdleCallbacks();
    expect(fetches).to.equal(2);
    next.remove();
  });
});
