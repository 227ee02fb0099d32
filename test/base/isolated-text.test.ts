/**
 * `isolatedText` renders a translated text as one Lit template. Oracle: `fill`, the plain-text
 * filler every other text goes through. For generated texts (markup, entities, braces, unknown and
 * repeated placeholders, characters an HTML parser would change) and names, the rendered text is
 * exactly `fill`'s, each known placeholder is a `<bdi>` with its part holding its value, and
 * nothing in a text or a value becomes markup.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { render } from 'lit';
import { isolatedText } from '../../src/base/isolated-text.js';
import { fill } from '../../src/strings/template.js';
import { XSS_PAYLOADS } from '../security/xss-payloads.js';

const text = isolatedText({ who: 'actor', what: 'resource-name' });
const PLACEHOLDERS = ['{who}', '{what}', '{unknown}', '{}', '{who', 'who}'];
const tricky = fc.constantFrom(
  '<b>',
  '</bdi>',
  '&amp;',
  '&',
  '<!--',
  '-->',
  '"',
  "'",
  '${x}',
  '<',
  '>',
  ' ',
  '\n',
  '&#0;',
  // What an HTML parser would change: NUL, carriage returns, a byte order mark.
  '\u0000',
  '\r',
  '\r\n',
  '\uFEFF',
);
const pattern = fc
  .array(fc.oneof(fc.string(), tricky, fc.constantFrom(...PLACEHOLDERS)), { maxLength: 12 })
  .map((pieces) => pieces.join(''));
const name = fc.oneof(fc.string(), tricky, fc.constant('<img src=x onerror=alert(1)>'));

function renderText(
  template: string,
  values: { who: string; what: string },
  into = document.createElement('div'),
) {
  render(text(template, values), into);
  return into;
}

describe('isolatedText', () => {
  it('renders what fill says, each known name in its own bdi, no markup from texts or names', () => {
    fc.assert(
      fc.property(pattern, name, name, (template, who, what) => {
        const host = renderText(template, { who, what });
        expect(host.textContent).to.equal(fill(template, { who, what }));
        const expected = [...template.matchAll(/\{(who|what)\}/g)].map((m) => m[1]);
        const isolated = [...host.querySelectorAll('*')];
        expect(isolated.map((el) => el.localName)).to.deep.equal(expected.map(() => 'bdi'));
        expect(isolated.map((el) => el.getAttribute('part'))).to.deep.equal(
          expected.map((n) => (n === 'who' ? 'actor' : 'resource-name')),
        );
        expect(isolated.map((el) => el.textContent)).to.deep.equal(
          expected.map((n) => (n === 'who' ? who : what)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every payload of the XSS corpus in a translation as text, running none', async () => {
    const ran: string[] = [];
    const canary = window as unknown as { __xssCanary?: () => void; __xssRan?: unknown };
    canary.__xssCanary = () => ran.push('canary');
    const host = document.createElement('div');
    document.body.append(host);
    try {
      for (const payload of XSS_PAYLOADS) {
        const template = `${payload} {who} ${payload} {what}${payload}`;
        renderText(template, { who: payload, what: 'ws' }, host);
        expect(host.textContent, payload).to.equal(fill(template, { who: payload, what: 'ws' }));
        expect(
          [...host.querySelectorAll('*')].map((el) => el.localName),
          payload,
        ).to.deep.equal(['bdi', 'bdi']);
      }
      // Give anything that would run (an image's error, a timer) the chance to.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ran).to.deep.equal([]);
      expect(canary.__xssRan).to.equal(undefined);
    } finally {
      host.remove();
      delete canary.__xssCanary;
    }
  });

  it('follows the text it is given when it changes in place, also past the kept texts', () => {
    const host = document.createElement('div');
    for (let i = 0; i < 150; i += 1) {
      const template = i % 2 ? `{what} by {who} #${i}` : `#${i}: {who} & {what}`;
      renderText(template, { who: 'Ana', what: `ws-${i}` }, host);
      expect(host.textContent).to.equal(fill(template, { who: 'Ana', what: `ws-${i}` }));
      expect(host.querySelectorAll('bdi')).to.have.length(2);
    }
  });

  it('writes plain text into the template, binding only names and what a parser would change', () => {
    // A live row pays a hole per value: " · " and "by " cost none.
    expect(text('{who} · {what}', { who: 'Ana', what: 'ws' }).values).to.deep.equal(['Ana', 'ws']);
    expect(text('by {who}', { who: 'Ana', what: '' }).strings.join('|')).to.equal(
      'by <bdi part="actor">|</bdi>',
    );
    for (const bound of ['a < b', 'R&D', 'x\u0000', 'a\rb', '\uFEFFz'])
      expect(text(`{who}${bound}`, { who: 'Ana', what: '' }).values, JSON.stringify(bound)).to.deep.equal([
        'Ana',
        bound,
      ]);
  });
});
