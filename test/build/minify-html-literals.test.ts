import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html, render } from 'lit';
// The build step itself (plain ES module; acorn and magic-string resolve in the browser too).
// @ts-expect-error: a script of the build, without type declarations
import { minifyHtmlIn } from '../../scripts/html-literals.mjs';

/**
 * The build shrinks the indentation of `html` literals in dist/. What a
 * viewer gets must not change: the same nodes, the same rendered text, the
 * same attribute values. Oracle: the browser's own rendering of the template
 * before and after, for generated templates.
 */

/** Evaluates a module-free snippet `html\`...\`` into a template result, with `a` and `b` as its values. */
function templateOf(source: string, a: unknown, b: unknown) {
  return new Function('html', 'a', 'b', `return ${source};`)(html, a, b) as ReturnType<typeof html>;
}

function rendered(source: string): { text: string; markup: string } {
  const host = document.createElement('div');
  host.style.whiteSpace = 'normal';
  document.body.append(host);
  render(templateOf(source, 'first', 'second'), host);
  const text = host.innerText;
  // Markup with whitespace runs compared as whitespace: they must stay where they were.
  const markup = host.innerHTML.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ');
  host.remove();
  return { text, markup };
}

const space = fc.constantFrom(' ', '\n', '\n    ', '  \n  ', '\t\n\t', '\n\n      ', '');
const word = fc.constantFrom('Plan', 'Credits left', '12', '—', 'a b');
const piece: fc.Arbitrary<string> = fc.oneof(
  word,
  space,
  fc.constantFrom('${a}', '${b}', '${html`<i>${a}</i>`}'),
  fc
    .tuple(fc.constantFrom('div', 'span', 'p', 'b'), space, word, space)
    .map(
      ([tag, before, text, after]) =>
        `<${tag}\n      part="x"\n      title="${text}"\n    >${before}${text}${after}</${tag}>`,
    ),
);

describe('build: html`` literals lose their indentation, not their meaning', () => {
  it('renders the same nodes, text and attributes for generated templates', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const source = `html\`${pieces.join('')}\``;
        const minified = minifyHtmlIn(`x = ${source};`).slice('x = '.length, -1);
        expect(rendered(minified)).to.deep.equal(rendered(source));
      }),
      { numRuns: 200 },
    );
  });

  it('removes the spaces around line breaks, and keeps the breaks (line numbers of the source maps)', () => {
    const code = 'const t = html`\n    <p part="a">\n      ${a}\n    </p>\n  `;\nconst c = css`\n  p {}\n`;';
    const out = minifyHtmlIn(code) as string;
    expect(out).to.equal('const t = html`\n<p part="a">\n${a}\n</p>\n`;\nconst c = css`\n  p {}\n`;');
    expect(out.split('\n').length).to.equal(code.split('\n').length);
  });
});
