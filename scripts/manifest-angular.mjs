// `org-dashboard-elements/angular`: a typed standalone Angular directive for each custom element of
// the Custom Elements Manifest (dist/custom-elements.json), written as TypeScript and compiled by
// Angular's own compiler (`ngc`, `compilationMode: "partial"`, as ng-packagr does for libraries) into
// dist/angular/: ES modules with `ɵɵngDeclareDirective` calls that the host app's Angular linker
// finishes, and declarations carrying `ɵɵDirectiveDeclaration` for the host's template type checker.
// Angular apps compile no TypeScript from node_modules, so the wrappers ship compiled.
//
// Each directive sits on the element's own tag (selector `org-dashboard`), so the real element stays
// in the DOM and a template keeps writing `<org-dashboard>`: its inputs are the element's settable
// properties, typed by the element class (`OrgDashboard['adapter']`, so `[adapter]="42"` fails to
// compile under strictTemplates) and forwarded to the element as properties; its outputs are the
// element's `od-*` events, typed by their `HTMLElementEventMap` entries. A matching directive also
// makes Angular accept the tag without CUSTOM_ELEMENTS_SCHEMA. The outputs only declare the events:
// Angular listens to a bound event on the element itself as well as on a directive output of that
// name, so the element's own event reaches the handler (once, the very event object, cancelable)
// and the directive never emits. Importing a directive registers its tag (its `define/<tag>` module).
//
// `npm run build` runs `buildAngularWrappers()` after the manifest is written; nothing here restates
// a type.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { doc, elementsOf } from './manifest-framework-types.mjs';

const require = createRequire(import.meta.url);

/** `od-view-invoices` → `odViewInvoices`: an output's class member (its public name is the event's). */
const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

/** The directive class exported for an element: `OrgDashboard` → `OrgDashboardDirective`. */
export const directiveName = (element) => `${element.className}Directive`;

/** One element's directive, as TypeScript for `ngc`. */
function directiveSource(element) {
  const cls = element.className;
  const inputs = element.fields.map(
    (field) =>
      `${doc(field.description)}  @Input()\n  set ${field.name}(value: ${cls}['${field.name}']) {\n    this.element.${field.name} = value;\n  }\n`,
  );
  const outputs = element.events.map(
    (event) =>
      `${doc(`\`${event.name}\`${event.description ? `: ${event.description}` : ''}`)}  readonly ${camel(event.name)} = output<HTMLElementEventMap['${event.name}']>({ alias: '${event.name}' });\n`,
  );
  const summary = `\`<${element.tag}>\` in Angular templates${element.summary ? `: ${element.summary.replace(/\.$/, '')}` : ''}. Add it to a standalone component's \`imports\`; importing it registers the tag. Inputs set the element's properties; outputs are its \`od-*\` events.`;
  return `${HEADER}import { Directive, ElementRef, Input, inject, output } from '@angular/core';
import type { ${cls} } from '../index.js';
import '../define/${element.tag}.js';

${doc(summary, '')}@Directive({ selector: '${element.tag}' })
export class ${directiveName(element)} {
  /** The \`<${element.tag}>\` element itself. */
  readonly element: ${cls} = inject<ElementRef<${cls}>>(ElementRef).nativeElement;

${[...inputs, ...outputs].join('\n')}}
`;
}

const HEADER =
  '// Generated from the Custom Elements Manifest by scripts/manifest-angular.mjs: do not edit.\n';

/** The TypeScript sources of the entry: one file per element and the index, by file name. */
export function angularSources(manifest) {
  const elements = elementsOf(manifest);
  const files = {};
  for (const element of elements) files[`${element.tag}.ts`] = directiveSource(element);
  files['index.ts'] =
    `${HEADER}${elements.map((element) => `export { ${directiveName(element)} } from './${element.tag}.js';`).join('\n')}\n`;
  return files;
}

/**
 * Writes the sources to `<dist>/angular-src/` (beside the package's own modules, which they import
 * as `../index.js` and `../define/<tag>.js`, as the compiled files will from `<dist>/angular/`),
 * compiles them with `ngc` into `<dist>/angular/` and removes the sources. Returns what it wrote, or
 * throws with ngc's output.
 */
export function buildAngularWrappers(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
  const src = join(dist, 'angular-src');
  const out = join(dist, 'angular');
  rmSync(src, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const files = angularSources(manifest);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(src, file), text);
  writeFileSync(
    join(src, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ES2022',
          moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          declaration: true,
          declarationMap: false,
          sourceMap: true,
          inlineSources: true,
          experimentalDecorators: true,
          useDefineForClassFields: false,
          importHelpers: false,
          skipLibCheck: true,
          rootDir: '.',
          outDir: '../angular',
        },
        angularCompilerOptions: {
          compilationMode: 'partial',
          strictTemplates: true,
          strictInjectionParameters: true,
          strictInputAccessModifiers: true,
        },
        files: Object.keys(files),
      },
      null,
      2,
    ),
  );
  // ngc is the package's `bin` (its `exports` do not name the file).
  const compilerCli = dirname(require.resolve('@angular/compiler-cli/package.json'));
  const { bin } = JSON.parse(readFileSync(join(compilerCli, 'package.json'), 'utf8'));
  const ngc = spawnSync(process.execPath, [join(compilerCli, bin.ngc), '-p', join(src, 'tsconfig.json')], {
    encoding: 'utf8',
  });
  if (ngc.status !== 0)
    throw new Error(`ngc exited with ${ngc.status ?? ngc.signal}:\n${ngc.stdout}${ngc.stderr}`);
  rmSync(src, { recursive: true, force: true });
  return Object.keys(files).map((file) => `dist/angular/${file.replace(/\.ts$/, '.js')}`);
}
