// Svelte 5 + Vite, as `npm create vite@latest -- --template svelte-ts` generates it (test/frameworks/svelte).
import { run } from '../run.mjs';

/**
 * A host framework's app: the snippets copied into it (repository path → app path), how it
 * builds (node's arguments, or a function of the app's folder that builds it) and where the build lands
 * (a static site, served as it is), the type error planted in a second file (its text, the text of
 * the planted line and the diagnostic expected there) and its checker's diagnostics
 * (`{ file, line, message }`, file relative to the app).
 */
export default {
  name: 'Svelte 5 + Vite',
  snippets: { 'stories/embedding/Dashboard.svelte': 'src/lib/Dashboard.svelte' },
  build: ['node_modules/vite/bin/vite.js', 'build'],
  output: 'dist',
  planted: {
    file: 'src/lib/Planted.svelte',
    text: '<org-dashboard org-id="org_acme" adapter={42}></org-dashboard>\n',
    line: 'adapter={42}',
    message: /'number' is not assignable to type '.*DashboardAdapter/,
  },
  check(app) {
    const { status, output } = run(
      process.execPath,
      [
        'node_modules/svelte-check/bin/svelte-check',
        '--tsconfig',
        './tsconfig.app.json',
        '--output',
        'machine',
        '--fail-on-warnings',
      ],
      app,
    );
    // Machine output: `<time> ERROR "file" line:col "message"` (line 1-based, file relative).
    const diagnostics = [...output.matchAll(/^\d+ (?:ERROR|WARNING) "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(
      ([, file, line, message]) => ({ file, line: Number(line), message: message.replace(/\\n/g, ' ') }),
    );
    if (status !== 0 && !diagnostics.length) throw new Error(`svelte-check failed:\n${output}`);
    return diagnostics;
  },
};
