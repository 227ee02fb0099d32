/**
 * `html` and `inline()` (base/inline-html.ts) take small templates into the one around them. Oracle:
 * Lit itself, the same templates nested. For generated trees of pieces (text, attributes, pieces
 * taken in or left out, `nothing`, plain values where a piece could be), rendered and then rendered
 * again with another tree, both give the same DOM, apart from Lit's comment markers.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html as litHtml, nothing, render, type TemplateResult } from 'lit';
import { html, inline } from '../../src/base/inline-html.js';

type Tag = (strings: TemplateStringsArray, ...values: unknown[]) => TemplateResult;

type Piece =
  | { kind: 'leaf'; text: string; cls: string }
  | { kind: 'pair'; first: Child; second: Child; title: string }
  | { kind: 'list'; items: Child[] };
type Child = { kind: 'piece'; piece: Piece } | { kind: 'gone' } | { kind: 'text'; text: string };

const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', '<b>', '&amp;', ' ', '"'));
const { child } = fc.letrec<{ piece: Piece; child: Child }>((tie) => ({
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('leaf' as const), text, cls: fc.constantFrom('a', 'b', '') }),
    fc.record({
      kind: fc.constant('pair' as const),
      first: tie('child') as fc.Arbitrary<Child>,
      second: tie('child') as fc.Arbitrary<Child>,
      title: text,
    }),
    fc.record({
      kind: fc.constant('list' as const),
      items: fc.array(tie('child') as fc.Arbitrary<Child>, { maxLength: 3 }),
    }),
  ),
  child: fc.oneof(
    { depthSize: 'small' },
    fc.record({ kind: fc.constant('gone' as const) }),
    fc.record({ kind: fc.constant('text' as const), text }),
    fc.record({ kind: fc.constant('piece' as const), piece: tie('piece') as fc.Arbitrary<Piece> }),
  ),
}));

/** The same literals either way: `take` is `inline` (taken in) or nothing done (nested, as Lit renders them). */
function draw(piece: Piece, tag: Tag, take: (result: TemplateResult) => unknown): TemplateResult {
  const childOf = (c: Child): unknown =>
    c.kind === 'piece' ? take(draw(c.piece, tag, take)) : c.kind === 'gone' ? nothing : c.text;
  switch (piece.kind) {
    case 'leaf':
      return tag`<b class=${piece.cls}>${piece.text}</b>`;
    case 'pair':
      return tag`<span title=${piece.title}>${childOf(piece.first)}<i> - </i>${childOf(piece.second)}</span>`;
    case 'list':
      // An array of pieces is a hole of its own: what it holds is not taken in.
      return tag`<ul>
        ${piece.items.map((c) => tag`<li>${childOf(c)}</li>`)}
      </ul>`;
  }
}

/** The DOM without Lit's markers (comments), which differ where pieces are taken in. */
function markup(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) (comment as ChildNode).remove();
  copy.normalize();
  return copy.innerHTML;
}

describe('inline-html', () => {
  it('renders what Lit renders with the pieces nested, also when rendered again with other pieces', () => {
    const nested = document.createElement('div');
    const inlined = document.createElement('div');
    fc.assert(
      fc.property(fc.array(child, { minLength: 1, maxLength: 4 }), (rounds) => {
        for (const round of rounds) {
          const piece: Piece = {
            kind: 'pair',
            first: round,
            second: { kind: 'text', text: '!' },
            title: 't',
          };
          render(
            draw(piece, litHtml, (r) => r),
            nested,
          );
          render(draw(piece, html, inline), inlined);
          expect(markup(inlined)).to.equal(markup(nested));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes one template instance for a row of pieces taken in', () => {
    const host = document.createElement('div');
    const row = (name: string) =>
      html`<li>${inline(html`<b>${name}</b>`)} ${inline(html`<i>${inline(html`<u>${name}</u>`)}</i>`)}</li>`;
    render(row('warm'), document.createElement('div'));
    const importNode = document.importNode.bind(document);
    let instances = 0;
    document.importNode = ((node: Node, deep?: boolean) => {
      instances += 1;
      return importNode(node, deep);
    }) as typeof document.importNode;
    try {
      render(row('Ana'), host);
    } finally {
      document.importNode = importNode;
    }
    expect(instances).to.equal(1);
    expect(host.querySelector('li')!.textContent).to.equal('Ana Ana');
  });

  it('keeps events, attributes and properties of pieces taken in', () => {
    const host = document.createElement('div');
    let clicks = 0;
    const button = (label: string) =>
      litHtml`<button type="button" aria-label=${label} .value=${label} @click=${() => (clicks += 1)}>x</button>`;
    render(html`<p>${inline(button('Dismiss'))}</p>`, host);
    const element = host.querySelector('button')!;
    expect(element.getAttribute('aria-label')).to.equal('Dismiss');
    expect(element.value).to.equal('Dismiss');
    element.click();
    expect(clicks).to.equal(1);
  });

  it('renders an inline() in Lit’s own html as the nested template it wraps', () => {
    const host = document.createElement('div');
    render(litHtml`<p>${inline(litHtml`<b>${'bold'}</b>`)}${inline(nothing)}</p>`, host);
    expect(markup(host)).to.equal('<p><b>bold</b></p>');
  });
});
