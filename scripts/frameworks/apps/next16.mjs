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
import { nextApp } from '../next.mjs';

export default nextApp({ name: 'Next.js 16 (App Router)' });
