// Proves the lint rule that keeps HTML injection sinks out of src/: ESLint (with the project's own
// config) must reject each forbidden use in a file under src/, and accept the safe equivalents.
// Records its counts for .ci/run (scripts/results.mjs).
import { recordResults } from './results.mjs';
import { ESLint } from 'eslint';

/** Code that must be refused in src/. */
const FORBIDDEN = {
  'unsafeHTML directive': `import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const x = unsafeHTML;\n`,
  'unsafeSVG directive': `import { unsafeSVG } from 'lit-html/directives/unsafe-svg.js';\nexport const x = unsafeSVG;\n`,
  'unsafeCSS from lit': `import { unsafeCSS } from 'lit';\nexport const x = unsafeCSS('a');\n`,
  'unsafeCSS through a namespace': `import * as lit from 'lit';\nexport const x = lit.unsafeCSS('a');\n`,
  unsafeStatic: `import { unsafeStatic } from 'lit/static-html.js';\nexport const x = unsafeStatic('a');\n`,
  innerHTML: `export function f(el: Element, s: string) {\n  el.innerHTML = s;\n}\n`,
  "el['innerHTML']": `export function f(el: Element, s: string) {\n  el['innerHTML'] = s;\n}\n`,
  outerHTML: `export function f(el: Element, s: string) {\n  el.outerHTML = s;\n}\n`,
  insertAdjacentHTML: `export function f(el: Element, s: string) {\n  el.insertAdjacentHTML('beforeend', s);\n}\n`,
  createContextualFragment: `export const f = (s: string) => document.createRange().createContextualFragment(s);\n`,
  'document.write': `export const f = (s: string) => document.write(s);\n`,
  eval: `export const f = (s: string) => eval(s);\n`,
  'new Function': `export const f = (s: string) => new Function(s);\n`,
};

/** Safe code that must pass, so the rule is not simply refusing everything. */
const ALLOWED = {
  'text through a binding': `import { html } from 'lit';\nexport const view = (s: string) => html\`<p>\${s}</p>\`;\n`,
  textContent: `export function f(el: Element, s: string) {\n  el.textContent = s;\n}\n`,
};

const eslint = new ESLint();
let passed = 0;
let failed = 0;

async function problemsOf(code) {
  const [result] = await eslint.lintText(code, { filePath: 'src/__lint-sink-probe__.ts' });
  return result.messages.filter((m) => m.severity === 2);
}

for (const [name, code] of Object.entries(FORBIDDEN)) {
  const problems = await problemsOf(code);
  const sink = problems.filter((m) =>
    /^(no-restricted-(imports|properties|syntax)|no-eval|no-implied-eval|no-new-func)$/.test(m.ruleId ?? ''),
  );
  if (sink.length > 0) {
    passed += 1;
    console.log(`  ok  lint refuses ${name} in src/ (${sink[0].ruleId})`);
  } else {
    failed += 1;
    console.log(`  FAIL lint accepts ${name} in src/: ${JSON.stringify(problems.map((m) => m.ruleId))}`);
  }
}
for (const [name, code] of Object.entries(ALLOWED)) {
  const problems = await problemsOf(code);
  if (problems.length === 0) {
    passed += 1;
    console.log(`  ok  lint accepts ${name} in src/`);
  } else {
    failed += 1;
    console.log(
      `  FAIL lint refuses ${name}: ${problems.map((m) => `${m.ruleId}: ${m.message}`).join('; ')}`,
    );
  }
}

recordResults('Lint sinks', { passed, failed });
process.exit(failed === 0 ? 0 : 1);
