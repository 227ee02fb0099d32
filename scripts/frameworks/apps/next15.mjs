// Next.js 15 (15.5.29, the newest 15.x), App Router, as `npx create-next-app@15 --ts --app
// --no-eslint --no-tailwind --no-src-dir --no-turbopack --use-npm` generates it (test/frameworks/next15;
// create-next-app's newest 15.x is 15.5.28, its `next` raised to 15.5.29), with Lit's server render
// in React's: `@lit-labs/nextjs` (0.2.4, for Next.js 13 to 15) wraps next.config.ts (`withLitSSR`),
// a webpack plugin, and `next build` in 15 builds with webpack. So the exported page holds
// `<org-dashboard>` with its shadow root (a declarative `<template shadowrootmode="open">`, the
// cards' inside it), which the browser hydrates. Otherwise as the Next.js 16 app (next16.mjs): a
// static export (`output: 'export'`) to out/, the Geist fonts from the `geist` package, the host's
// `body { text-align: center }` in globals.css, the host's invoices page for Next's router to go to
// in place, and the same snippets. The checker is TypeScript, after `next typegen` (new in 15.5)
// writes next-env.d.ts and the route types.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expectOneLit, must, run } from '../run.mjs';

const NEXT = ['node_modules/next/dist/bin/next'];
const ENV = { NEXT_TELEMETRY_DISABLED: '1' };

/**
 * The build's output, blank-line separated blocks, that names the package or Lit: webpack prints a
 * warning's text in the blocks after its `⚠ Compiled with warnings` line, and the server render's
 * console output comes among the static pages' lines, so any mention in a build that succeeded is
 * one (Next's own output names neither).
 */
export function packageWarnings(output) {
  return output
    .split(/\n\s*\n/)
    .filter((block) =>
      /org-dashboard-elements|node_modules\/@?lit[/-]|@lit-labs\/|\blit-html\b|Multiple versions of Lit/i.test(
        block,
      ),
    );
}

/** The exported page's `<org-dashboard>`, its server render in it: a line for the log. */
function checkServerRender(app) {
  const html = readFileSync(join(app, 'out/index.html'), 'utf8');
  const at = html.indexOf('<org-dashboard');
  if (at < 0) throw new Error('out/index.html has no <org-dashboard');
  const tag = html.slice(at, at + 200);
  if (!/^<org-dashboard\b[^>]*>\s*<template\b[^>]*\bshadowrootmode="open"/.test(tag))
    throw new Error(
      `out/index.html has <org-dashboard without its server-rendered shadow root: ${JSON.stringify(tag)}`,
    );
  const roots = html.slice(at).match(/<template\b[^>]*\bshadowrootmode="open"/g).length;
  return `out/index.html: <org-dashboard> server-rendered, ${roots} declarative shadow roots from it on`;
}

export default {
  name: 'Next.js 15 (App Router, @lit-labs/nextjs)',
  snippets: {
    'stories/embedding/next-dashboard.tsx.txt': 'app/org-dashboard.tsx',
    'stories/embedding/next-page.tsx.txt': 'app/page.tsx',
    'stories/embedding/next15.config.ts.txt': 'next.config.ts',
  },
  build(app) {
    expectOneLit(app);
    const output = must(process.execPath, [...NEXT, 'build'], app, ENV);
    const warnings = packageWarnings(output);
    if (warnings.length) throw new Error(`next build warned about the package:\n${warnings.join('\n')}`);
    const notes = [checkServerRender(app)];
    // Next's own warnings, if any, for the log.
    const own = output.split('\n').filter((line) => /⚠|\bwarn/i.test(line));
    if (own.length) notes.push(`next build warned: ${own.join(' | ')}`);
    return notes.join('\n      ');
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
