/**
 * `isSafeUrl` against the browser's own URL parser as the oracle: whatever string it lets into an
 * `href` resolves to an http(s) URL, and a string without a scheme stays on the page's origin
 * (`//host`, `\\host`, `/\host` and their variants with tabs and newlines inside are not
 * same-site relative paths, whatever they look like).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isSafeUrl, resolveLink } from '../../src/contract/links.js';

/** Whether the browser reads `s` as having a scheme of its own (an absolute URL). */
function hasScheme(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

/** The browser's reading of `s` as an `href` on this page, or undefined when it cannot read it. */
function resolved(s: string): URL | undefined {
  try {
    return new URL(s, location.href);
  } catch {
    return undefined;
  }
}

/** Pieces that URL parsers treat specially, so generated strings hit the interesting cases often. */
const piece = fc.constantFrom(
  '/',
  '\\',
  '//',
  '\\\\',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\u3000',
  '\ufeff',
  ':',
  '.',
  '..',
  '@',
  '?',
  '#',
  '%2f',
  '%5C',
  '%2e',
  'http',
  'HtTpS',
  'http:',
  'https:',
  'javascript:',
  'data:',
  'file:',
  'blob:',
  'evil.example',
  'localhost',
  location.host,
  'a',
  '1',
  '[::1]',
  'ｅｖｉｌ',
);

const urlLike = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.tuple(fc.array(piece, { maxLength: 3 }), fc.webUrl()).map(([prefix, url]) => prefix.join('') + url),
);

describe('isSafeUrl', () => {
  it('lets through only what the browser resolves to http(s), on this origin when it has no scheme', () => {
    fc.assert(
      fc.property(urlLike, (s) => {
        if (!isSafeUrl(s)) return true;
        const url = resolved(s);
        if (!url) return false;
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
        return hasScheme(s) || url.origin === location.origin;
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses protocol-relative and backslash forms that leave the site', () => {
    for (const url of [
      '//evil.example',
      '\\\\evil.example',
      '/\\evil.example',
      '\\/evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '\t//evil.example',
      ' //evil.example/path',
      '\r\n\\\\evil.example',
      '/\\/evil.example',
      'https:',
    ]) {
      expect(isSafeUrl(url), JSON.stringify(url)).to.equal(false);
    }
  });

  it('keeps same-site paths and http(s) URLs as links', () => {
    for (const url of [
      '/billing',
      'billing/invoices',
      '../up',
      './here',
      '?tab=1',
      '#top',
      'https://example.com/a',
      'http://x.test',
      'HTTPS://EXAMPLE.COM',
      '/a//b',
      '/a\\b',
    ]) {
      expect(isSafeUrl(url), url).to.equal(true);
    }
  });

  it('refuses a link template that becomes protocol-relative', () => {
    expect(resolveLink({ invoices: '//{orgId}.example/invoices' }, 'invoices', 'acme')).to.equal(undefined);
    expect(resolveLink({ invoices: '/orgs/{orgId}/invoices' }, 'invoices', 'acme')).to.equal(
      '/orgs/acme/invoices',
    );
  });
});
