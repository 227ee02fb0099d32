// Next.js 16 (16.5.0, the newest that runs on Node 20), App Router, as `npx create-next-app@16 --ts
// --app --no-eslint --no-tailwind --no-src-dir --use-npm` generates it (test/frameworks/next16;
// create-next-app's newest 16.x is 16.4.3, its `next` raised to 16.5.0), with `output: 'export'` so
// that `next build` writes a static site to out/. To build offline and as a static site, the Geist
// fonts come from the `geist` package (`next/font/local`) instead of Google Fonts, and the starter's
// `cacheComponents` and `partialPrefetching` are off (not supported with a static export). Its
// globals.css gains `body { text-align: center }`, the host's styles the cards must keep out. The
// snippets are a client component using `org-dashboard-elements/react` and the server page rendering
// it (prerendered: the tag in the HTML, upgraded in the browser). The app has the host's invoices
// page, app/organizations/[orgId]/billing/invoices/page.tsx: Next's router goes in place only to a
// page the export holds (it fetches that page's payload, a .txt file) and loads any other URL in
// full. The checker is TypeScript itself, after `next typegen` writes next-env.d.ts and the route
// types, as Next's docs say for type-checking outside `next build`.
import { relative, resolve } from 'node:path';
import { expectOneLit, must, run } from '../run.mjs';

const NEXT = ['node_modules/next/dist/bin/next'];
const ENV = { NEXT_TELEMETRY_DISABLED: '1' };

/**
 * The build's warnings (`⚠` lines, and Turbopack's blocks up to a blank line) that name the package
 * or Lit, and Lit's own "Multiple versions of Lit loaded".
 */
export function packageWarnings(output) {
  const blocks = output.split(/\n\s*\n/).filter((block) => /⚠|\bwarn/i.test(block));
  return blocks.filter((block) =>
    /org-dashboard-elements|node_modules\/@?lit[/-]|Multiple versions of Lit/i.test(block),
  );
}

export default {
  name: 'Next.js 16 (App Router)',
  snippets: {
    'stories/embedding/next-dashboard.tsx.txt': 'app/org-dashboard.tsx',
    'stories/embedding/next-page.tsx.txt': 'app/page.tsx',
  },
  build(app) {
    expectOneLit(app);
    const output = must(process.execPath, [...NEXT, 'build'], app, ENV);
    const warnings = packageWarnings(output);
    if (warnings.length) throw new Error(`next build warned about the package:\n${warnings.join('\n')}`);
    // Next's own warnings, if any, for the log.
    const own = output.split('\n').filter((line) => /⚠|\bwarn/i.test(line));
    return own.length ? `next build warned: ${own.join(' | ')}` : undefined;
  },
  output: 'out',
  planted: [
    {
      file: 'app/planted-adapter.tsx',
      text: [
        "import { OrgDashboard } from 'org-dashboard-elements/react';",
        '',
        'export function PlantedAdapter() {',
        '  return <OrgDashboard orgId="org_acme" adapter={42} />;',
        '}',
        '',
      ].join('\n'),
      line: 'adapter={42}',
      message: /'number' is not assignable to type '.*DashboardAdapter/,
    },
    {
      file: 'app/planted-handler.tsx',
      text: [
        "import { OrgDashboard } from 'org-dashboard-elements/react';",
        '',
        'function onKey(event: KeyboardEvent) {',
        '  console.log(event.key);',
        '}',
        '',
        'export function PlantedHandler() {',
        '  return <OrgDashboard orgId="org_acme" onViewInvoices={onKey} />;',
        '}',
        '',
      ].join('\n'),
      line: 'onViewInvoices={onKey}',
      message: /KeyboardEvent/,
    },
  ],
  check(app) {
    must(process.execPath, [...NEXT, 'typegen'], app, ENV);
    const { status, output } = run(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'],
      app,
    );
    // `app/x.tsx(4,38): error TS2322: message`, its explanation on indented lines after.
    const diagnostics = [
      ...output.matchAll(/^(\S[^\n]*?)\((\d+),\d+\): (?:error|warning) (TS\d+: [^\n]*(?:\n[ \t]+[^\n]*)*)/gm),
    ].map(([, file, line, message]) => ({
      file: relative(app, resolve(app, file)),
      line: Number(line),
      message: message.replace(/\s+/g, ' ').trim(),
    }));
    if (status !== 0 && !diagnostics.length) throw new Error(`tsc failed:\n${output}`);
    return diagnostics;
  },
};
