// What the Next.js host apps (scripts/frameworks/apps/next15.mjs, next16.mjs) share: the build, with
// its warnings checked, the two snippets, the type errors planted and the checker (TypeScript, after
// `next typegen` writes next-env.d.ts and the route types, as Next's docs say for type-checking
// outside `next build`).
import { expectOneLit, must, run, typeScriptDiagnostics } from './run.mjs';

const NEXT = ['node_modules/next/dist/bin/next'];
const ENV = { NEXT_TELEMETRY_DISABLED: '1' };

/**
 * The build's output, blank-line separated blocks, that names the package or Lit: webpack prints a
 * warning's text in the blocks after its `⚠ Compiled with warnings` line, Turbopack in the block of
 * its `⚠`, and a server render's console output comes among the static pages' lines, so any mention
 * in a build that succeeded is one (Next's own output names neither).
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

/**
 * A Next.js app of test/frameworks/ (see svelte.mjs for the fields): `snippets` beside the two every
 * Next app runs, and `afterBuild(app)`, a check of the exported site returning a line for the log.
 */
export function nextApp({ name, snippets = {}, afterBuild = () => undefined }) {
  return {
    name,
    snippets: {
      'stories/embedding/next-dashboard.tsx.txt': 'app/org-dashboard.tsx',
      'stories/embedding/next-page.tsx.txt': 'app/page.tsx',
      ...snippets,
    },
    build(app) {
      expectOneLit(app);
      const output = must(process.execPath, [...NEXT, 'build'], app, ENV);
      const warnings = packageWarnings(output);
      if (warnings.length) throw new Error(`next build warned about the package:\n${warnings.join('\n')}`);
      const notes = [afterBuild(app)];
      // Next's own warnings, if any, for the log.
      const own = output.split('\n').filter((line) => /⚠|\bwarn/i.test(line));
      if (own.length) notes.push(`next build warned: ${own.join(' | ')}`);
      return notes.filter(Boolean).join('\n      ') || undefined;
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
      const diagnostics = typeScriptDiagnostics(app, output);
      if (status !== 0 && !diagnostics.length) throw new Error(`tsc failed:\n${output}`);
      return diagnostics;
    },
  };
}
