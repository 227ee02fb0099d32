/**
 * The plan card fetches its writes' module when the viewer's pointer or focus comes to the rows of
 * (+) and Change (plan-writes-loader.ts), never before: once for the page, whichever card is
 * approached first. Until 2026-12-06 every ready card scheduled a fetch of its own in idle time,
 * 8.1 kB brotli before any interaction, whose callbacks held the card (removed-elements.test.ts
 * shows that none is held now).
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

const addCredits = (card: Element) => card.shadowRoot!.querySelector<HTMLElement>('[part~="add-credits"]')!;

describe('plan-card writes prefetch', () => {
  beforeEach(() => {
    fetches = 0;
    planWritesChunk.load = slowLoad;
  });
  afterEach(() => {
    failPending();
    planWritesChunk.load = realLoad;
  });

  it('fetches nothing until the pointer or focus comes to (+) or Change, then once for the page', async () => {
    const container = await readyCards(3);
    const cards = [...container.children];
    await afterIdleCallbacks();
    expect(fetches, 'ready, idle, nobody near the buttons').to.equal(0);
    addCredits(cards[0]).dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect(fetches, 'the pointer over (+)').to.equal(1);
    addCredits(cards[1]).focus();
    cards[2].shadowRoot!.querySelector<HTMLElement>('[part~="alert-change"]')!.focus();
    expect(fetches, 'focus on other cards while it is on its way').to.equal(1);
    // A failed fetch is asked for again at the next sign of intent.
    failPending();
    await Promise.resolve();
    addCredits(cards[1]).blur();
    addCredits(cards[1]).focus();
    expect(fetches, 'focus again after the fetch failed').to.equal(2);
    container.remove();
  });
});
