import { expect, fixture } from '@open-wc/testing';
import fc from 'fast-check';
import { html, LitElement, render } from 'lit';
import { FIRST_STEP, ListSteps } from '../../src/base/controllers/list-steps.js';

/** A list element in steps: the rows of each update are recorded, so the steps can be checked. */
class StepsList extends LitElement {
  static override properties = { items: { attribute: false }, loading: { type: Boolean } };
  items: number[] = [];
  loading = false;
  readonly steps = new ListSteps(this);
  /** The number of rows after each update. */
  readonly shown: number[] = [];

  protected override getUpdateComplete(): Promise<boolean> {
    return this.steps.settle(() => super.getUpdateComplete());
  }

  override render() {
    if (this.loading) return html`<p>Loading</p>`;
    return html`<ul>
      ${this.steps.of(this.items).map((n) => html`<li>${n}</li>`)}
    </ul>`;
  }

  protected override updated(): void {
    this.shown.push(this.renderRoot.querySelectorAll('li').length);
  }
}
customElements.define('test-steps-list', StepsList);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The steps the first render of `length` items takes: FIRST_STEP, then twice as many each time. */
function expectedSteps(length: number): number[] {
  const steps: number[] = [];
  for (let limit = FIRST_STEP; limit < length; limit *= 2) steps.push(limit);
  return [...steps, length];
}

describe('ListSteps: a long list’s first render in steps', () => {
  it('shows the first 10 items, then twice as many per update, and updateComplete waits for the whole list', async () => {
    const el = await fixture<StepsList>(html`<test-steps-list .items=${range(50)}></test-steps-list>`);
    expect(el.shown).to.deep.equal([10, 20, 40, 50]);
    expect(el.renderRoot.querySelectorAll('li')).to.have.length(50);
  });

  it('renders any first list in steps of at most twice the step before, ending whole (generated lengths)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 300 }), async (length) => {
        const el = await fixture<StepsList>(
          html`<test-steps-list .items=${range(length)}></test-steps-list>`,
        );
        expect(el.shown).to.deep.equal(expectedSteps(length));
        // Oracle: each step at most twice the one before; the whole list at the end, in order.
        el.shown.slice(1).forEach((n, i) => expect(n).to.be.at.most(2 * el.shown[i]));
        const texts = [...el.renderRoot.querySelectorAll('li')].map((li) => Number(li.textContent));
        expect(texts).to.deep.equal(range(length));
        el.remove();
      }),
      { numRuns: 40 },
    );
  });

  it('shows later lists whole at once: only the first is in steps', async () => {
    const el = await fixture<StepsList>(html`<test-steps-list .items=${range(25)}></test-steps-list>`);
    expect(el.shown).to.deep.equal([10, 20, 25]);
    el.items = range(200);
    await el.updateComplete;
    expect(el.shown.slice(3)).to.deep.equal([200]);
  });

  it('waits for a list: renders without one leave the steps where they were', async () => {
    const el = await fixture<StepsList>(
      html`<test-steps-list loading .items=${range(20)}></test-steps-list>`,
    );
    expect(el.shown).to.deep.equal([0]);
    el.loading = false;
    await el.updateComplete;
    expect(el.shown).to.deep.equal([0, 10, 20]);
  });

  it('stops stepping when the list goes away mid-way, and resolves updateComplete', async () => {
    const el = document.createElement('test-steps-list') as StepsList;
    el.items = range(40);
    // Right after the first step (10 rows), with the next one asked for, the list goes away.
    el.addController({
      hostUpdated: () => {
        // Controllers hear of an update before `updated()` records it.
        if (el.shown.length === 0) el.loading = true;
      },
    });
    document.body.append(el);
    await el.updateComplete;
    expect(el.shown).to.deep.equal([10, 0]);
    expect(el.renderRoot.querySelectorAll('li')).to.have.length(0);
    expect(Math.max(...el.shown)).to.be.below(40);
    el.remove();
  });

  it('hydrates a server-rendered list whole: the first render matches what the server sent', async () => {
    const host = document.createElement('test-steps-list') as StepsList;
    // What a declarative shadow root leaves before the element upgrades: its content already there.
    const root = host.attachShadow({ mode: 'open' });
    render(html`<ul></ul>`, root);
    host.items = range(30);
    document.body.append(host);
    await host.updateComplete;
    expect(host.shown[0]).to.equal(30);
    host.remove();
  });
});
