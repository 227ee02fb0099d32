// Next.js 15 (15.5.29, the newest 15.x), App Router, as `npx create-next-app@15 --ts --app
// --no-eslint --no-tailwind --no-src-dir --no-turbopack --use-npm` generates it (test/frameworks/next15;
// create-next-app's newest 15.x is 15.5.28, its `next` raised to 15.5.29), with Lit's server render
// in React's: `@lit-labs/nextjs` (0.2.4, for Next.js 13 to 15) wraps next.config.ts (`withLitSSR`),
// a webpack plugin, and `next build` in 15 builds with webpack. So the exported page holds
// `<org-dashboard>` with its shadow root (a declarative `<template shadowrootmode="open">`, the
// cards' inside it), which the browser hydrates. Otherwise as the Next.js 16 app (next16.mjs): a
// static export (`output: 'export'`) to out/, the Geist fonts from the `geist` package, the host's
// `body { text-align: center }` in globals.css, the host's invoices page for Next's router to go to
// in place, and the same snippets. The checker is TypeScript, after `next typegen` (new in 15.5):
// scripts/frameworks/next.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextApp } from '../next.mjs';

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

export default nextApp({
  name: 'Next.js 15 (App Router, @lit-labs/nextjs)',
  snippets: { 'stories/embedding/next15.config.ts.txt': 'next.config.ts' },
  afterBuild: checkServerRender,
});
