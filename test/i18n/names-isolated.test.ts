/**
 * Names from data keep their own direction in a right-to-left card: a Latin name that ends in
 * punctuation ("Acme Cloud Inc.", "Enterprise+") reads as written, its full stop or plus at its
 * end, not moved to the other side by the card's direction. Measured as drawn: the last
 * character is to the right of the first.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { dataset, until } from '../helpers/data.js';

type Card = HTMLElement & { state: string; updateComplete: Promise<boolean> };

/** The text node in `element` that holds exactly `text`. */
function textNode(element: Element, text: string): Text | undefined {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.trim() === text) return node as Text;
  }
  return undefined;
}

/** Where the character at `offset` of `node` is drawn: its left edge. */
function leftOf(node: Text, offset: number): number {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  return range.getBoundingClientRect().left;
}

/** Whether `text`, in the element with `part`, is drawn left to right: its last character right of its first. */
function drawnAsWritten(card: Card, part: string, text: string): string {
  const element = card.shadowRoot!.querySelector(`[part~="${part}"]`);
  if (!element) return `no ${part}`;
  const node = textNode(element, text);
  if (!node) return `no "${text}" in ${part}`;
  const start = node.data.indexOf(text);
  return leftOf(node, start + text.length - 1) > leftOf(node, start) ? 'as written' : 'reordered';
}

async function rtlCard(tag: string, prepare: (data: ReturnType<typeof dataset>) => void): Promise<Card> {
  const data = dataset('o1');
  prepare(data);
  const adapter = createMemoryAdapter(data);
  const card = document.createElement(tag) as Card;
  await fixture(html`
    <div dir="rtl" style="inline-size: 400px">
      <org-dashboard-provider org-id="o1" locale="en-US" .adapter=${adapter}>${card}</org-dashboard-provider>
    </div>
  `);
  await until(() => card.state === 'ready', `${tag} ready`);
  await card.updateComplete;
  return card;
}

describe('names from data in a right-to-left card', () => {
  it('<org-info-card>: the organization name and the owner', async () => {
    const card = await rtlCard('org-info-card', (data) => {
      data.o1.organization.name = 'Acme Cloud Inc.';
      data.o1.organization.owner.name = 'Ada Lovelace (Admin)';
    });
    expect(drawnAsWritten(card, 'name', 'Acme Cloud Inc.'), 'name').to.equal('as written');
    expect(drawnAsWritten(card, 'owner', 'Ada Lovelace (Admin)'), 'owner').to.equal('as written');
    await expect(card).to.be.accessible();
  });

  it('<plan-card>: the plan name', async () => {
    const card = await rtlCard('plan-card', (data) => {
      data.o1.plan.name = 'Enterprise+';
    });
    expect(drawnAsWritten(card, 'plan-name', 'Enterprise+')).to.equal('as written');
    await expect(card).to.be.accessible();
  });
});
