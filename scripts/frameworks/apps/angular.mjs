// Angular 21, as `npx @angular/cli@21 new angular --minimal --routing=false --ssr=false --style=css`
// generates it (test/frameworks/angular; strict, zoneless, standalone), using the typed directives of
// `org-dashboard-elements/angular`. Its checker is Angular's compiler with strictTemplates: ngc
// type-checks the templates as `ng build` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { must, run } from '../run.mjs';

export default {
  name: 'Angular 21',
  snippets: { 'stories/embedding/angular-dashboard.component.ts.txt': 'src/app/dashboard.ts' },
  build: (app) =>
    void must(process.execPath, ['node_modules/@angular/cli/bin/ng.js', 'build'], app, {
      NG_CLI_ANALYTICS: 'false',
    }),
  output: 'dist/angular/browser',
  planted: {
    file: 'src/app/planted.ts',
    text: [
      "import { Component } from '@angular/core';",
      "import { OrgDashboardDirective } from 'org-dashboard-elements/angular';",
      '',
      '@Component({',
      "  selector: 'app-planted',",
      '  imports: [OrgDashboardDirective],',
      '  template: `',
      '    <org-dashboard orgId="org_acme" [adapter]="42"></org-dashboard>',
      '  `,',
      '})',
      'export class Planted {}',
      '',
    ].join('\n'),
    line: '[adapter]="42"',
    message: /'number' is not assignable to type '.*DashboardAdapter/,
  },
  check(app) {
    // ngc with the app's own tsconfig (strictTemplates), emitting into a folder thrown away after.
    const outDir = mkdtempSync(join(tmpdir(), 'od-ngc-'));
    try {
      const { status, output } = run(
        process.execPath,
        [
          'node_modules/@angular/compiler-cli/bundles/src/bin/ngc.js',
          '-p',
          'tsconfig.app.json',
          '--outDir',
          outDir,
        ],
        app,
      );
      // `src/app/x.ts:9:39 - error TS2322: message`, in colours even when not a terminal (ngc's own
      // formatting, whatever `--pretty`); a message may go on over more lines, up to a blank one.
      const diagnostics = [
        ...stripVTControlCharacters(output).matchAll(
          /^(\S[^\n]*?):(\d+):\d+ - (?:error|warning) ((?:NG|TS)\d+: [^\n]*(?:\n(?!\n)[^\n]*)*)/gm,
        ),
      ].map(([, file, line, message]) => ({
        file: relative(app, resolve(app, file)),
        line: Number(line),
        message: message.replace(/\s+/g, ' ').trim(),
      }));
      if (status !== 0 && !diagnostics.length) throw new Error(`ngc failed:\n${output}`);
      return diagnostics;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
