/**
 * The public API only grows: every public name of the last release (test/package/public-api.baseline.json)
 * is still there: each element's tag, class, attributes, properties, methods, events, slots, CSS parts
 * and CSS properties, and every name the package root exports (values stay values). A new name is
 * fine and noted in the log. The names are read from the current sources by the test server
 * (scripts/public-api.mjs); `node scripts/public-api-baseline.mjs` rewrites the baseline at a release.
 */
import { expect } from '@open-wc/testing';

type ElementNames = Record<string, string | string[]>;
interface PublicApi {
  elements: Record<string, ElementNames>;
  exports: { values: string[]; types: string[] };
}

/** `where: name` for every name of `before` that `now` lacks. */
function missing(before: Record<string, unknown>, now: Record<string, unknown>, where: string): string[] {
  const out: string[] = [];
  for (const [key, was] of Object.entries(before)) {
    const is = now[key];
    if (Array.isArray(was)) {
      const present = new Set(Array.isArray(is) ? is : []);
      out.push(...was.filter((name) => !present.has(name)).map((name) => `${where} ${key}: ${name}`));
    } else if (was && typeof was === 'object') {
      if (is && typeof is === 'object')
        out.push(
          ...missing(was as Record<string, unknown>, is as Record<string, unknown>, `${where} ${key}`.trim()),
        );
      else out.push(`${where} ${key}`.trim());
    } else if (was !== is) out.push(`${where} ${key}: ${String(was)} (now ${String(is)})`);
  }
  return out;
}

describe('public API', () => {
  let baseline: PublicApi;
  let current: PublicApi;
  before(async () => {
    baseline = await (await fetch('/test/package/public-api.baseline.json')).json();
    current = await (await fetch('/__manifest/public-api.json')).json();
  });

  it('the baseline and the current names are both read (the guard guards something)', () => {
    expect(Object.keys(baseline.elements).length).to.be.greaterThan(8);
    expect(Object.keys(current.elements).length).to.be.greaterThan(8);
    expect(current.exports.values).to.include('OrgDashboard');
    expect(current.exports.types).to.include('DashboardAdapter');
  });

  it('removes no element and no element name of the last release', () => {
    expect(missing({ elements: baseline.elements }, { elements: current.elements }, '')).to.deep.equal([]);
  });

  it('removes no export of the package root, and no value export becomes type-only', () => {
    const exported = new Set([...current.exports.values, ...current.exports.types]);
    expect(
      baseline.exports.types.filter((name) => !exported.has(name)),
      'types',
    ).to.deep.equal([]);
    expect(
      baseline.exports.values.filter((name) => !current.exports.values.includes(name)),
      'values',
    ).to.deep.equal([]);
  });

  it('notes what is new since the last release', () => {
    const added = [
      ...missing({ elements: current.elements }, { elements: baseline.elements }, ''),
      ...current.exports.values
        .filter((name) => !baseline.exports.values.includes(name))
        .map((n) => `export ${n}`),
      ...current.exports.types
        .filter((name) => !baseline.exports.types.includes(name))
        .map((n) => `export type ${n}`),
    ];
    // Additions are allowed; they become part of the baseline at the next release.
    if (added.length) console.log(`Public API additions since the baseline:\n  ${added.join('\n  ')}`);
    expect(added).to.be.an('array');
  });
});
