// The host types an installed package ships, read as declarations (TypeScript's parser, no checker)
// and held against its Custom Elements Manifest: for each framework, each tag's own props are exactly
// the element's settable properties (public fields, not static, not read-only: a host that sets a
// getter-only `state` gets a TypeError from React, Vue or Preact) and its `od-*` events, under that
// framework's key for them, and each event handler of the JSX and Vue types takes the manifest's
// detail type. The expected keys are derived here from the manifest itself, not from the generators
// (scripts/manifest-framework-types.mjs, manifest-angular.mjs, the JSX and Vue plugins), so a key that
// a generator gets wrong, leaves out or keeps after a rename shows. Used by test-framework-types.mjs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `od-view-invoices` → `odViewInvoices`; `org-id` → `orgId`. */
const camel = (text) => text.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const pascal = (text) => camel(text).replace(/^./, (letter) => letter.toUpperCase());

/** Each custom element of the manifest: its class, tag, settable fields and `od-*` events. */
export function manifestElements(manifest) {
  const elements = [];
  for (const mod of manifest.modules)
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const fields = (declaration.members ?? []).filter(
        (member) =>
          member.kind === 'field' &&
          !member.static &&
          !member.readonly &&
          (member.privacy ?? 'public') === 'public' &&
          !member.name.startsWith('_') &&
          !member.name.startsWith('#'),
      );
      const events = (declaration.events ?? []).filter((event) => event.name?.startsWith('od-'));
      elements.push({ className: declaration.name, tag: declaration.tagName, fields, events });
    }
  return elements;
}

/**
 * Each framework's keys for an element: `attribute ?? name` where a template may write either (an
 * attribute before the tag is defined is a property after), camel case where the checker camel-cases
 * (Volar), and the framework's spelling of a listener.
 */
export const KEYS = {
  jsx: (e) => [...e.fields.map((f) => f.attribute ?? f.name), ...e.events.map((ev) => `on${ev.name}`)],
  vue: (e) => [
    ...e.fields.map((f) => camel(f.attribute ?? f.name)),
    ...e.events.map((ev) => camel(`on-${ev.name}`)),
  ],
  svelte: (e) => [...e.fields.map((f) => f.attribute ?? f.name), ...e.events.map((ev) => `on${ev.name}`)],
  preact: (e) => [...e.fields.map((f) => f.attribute ?? f.name), ...e.events.map((ev) => `on${ev.name}`)],
  solid: (e) => [
    ...e.fields.map((f) => f.attribute ?? f.name),
    ...e.fields.map((f) => `prop:${f.name}`),
    ...e.events.map((ev) => `on:${ev.name}`),
  ],
  angular: (e) => [...e.fields.map((f) => `input ${f.name}`), ...e.events.map((ev) => `output ${ev.name}`)],
  // src/react.ts: `onViewInvoices` for `od-view-invoices`, `onDashboardError` for `od-error`.
  react: (e) =>
    e.events.map((ev) => (ev.name === 'od-error' ? 'onDashboardError' : `on${pascal(ev.name.slice(3))}`)),
};

/** The members of a type literal: key → the member's type as written. */
function membersOf(ts, file, literal) {
  const members = new Map();
  for (const member of literal.members ?? [])
    if (member.name)
      members.set(member.name.text ?? member.name.getText(file), member.type?.getText(file) ?? '');
  return members;
}

/** Every `type Name = { ... }` and `interface Name { ... }` of a declaration file: name → members. */
function typeLiterals(ts, path) {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = new Map();
  const visit = (node) => {
    if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type))
      found.set(node.name.text, membersOf(ts, file, node.type));
    else if (ts.isInterfaceDeclaration(node) && !found.has(node.name.text))
      found.set(node.name.text, membersOf(ts, file, node));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { file, found };
}

/** The key sets the package declares per framework and element class, for comparing. */
function declared(ts, pkg, elements) {
  const out = {};
  const jsxLike = (framework, path, propsName) => {
    const { found } = typeLiterals(ts, join(pkg, path));
    out[framework] = new Map(elements.map((e) => [e.className, found.get(propsName(e))]));
  };
  jsxLike('jsx', 'dist/types/jsx.d.ts', (e) => `${e.className}Props`);
  jsxLike('vue', 'dist/types/vue.d.ts', (e) => `${e.className}Props`);
  jsxLike('svelte', 'dist/types/svelte.d.ts', (e) => `${e.className}SvelteOwnProps`);
  jsxLike('solid', 'dist/types/solid.d.ts', (e) => `${e.className}SolidOwnProps`);
  jsxLike('preact', 'dist/types/preact.d.ts', (e) => `${e.className}PreactOwnProps`);
  // Angular: the directive's `ɵɵDirectiveDeclaration<Dir, selector, exportAs, inputs, outputs, ...>`.
  out.angular = new Map();
  for (const name of readdirSync(join(pkg, 'dist/angular')).filter((f) => f.endsWith('.d.ts'))) {
    const path = join(pkg, 'dist/angular', name);
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isTypeReferenceNode(node) && node.typeName.getText(file).endsWith('ɵɵDirectiveDeclaration')) {
        const [, selector, , inputs, outputs] = node.typeArguments;
        const element = elements.find((e) => `"${e.tag}"` === selector.getText(file));
        const keys = new Map();
        for (const [key] of membersOf(ts, file, inputs)) keys.set(`input ${key}`, '');
        for (const [, value] of membersOf(ts, file, outputs)) keys.set(`output ${JSON.parse(value)}`, '');
        if (element) out.angular.set(element.className, keys);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  // React: the event map, the second type argument of each component's `ReactWebComponent<I, E>`.
  out.react = new Map();
  const react = join(pkg, 'dist/react.d.ts');
  const file = ts.createSourceFile(react, readFileSync(react, 'utf8'), ts.ScriptTarget.Latest, true);
  for (const statement of file.statements)
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations) {
        const element = elements.find((e) => e.className === declaration.name.getText(file));
        const events = declaration.type?.typeArguments?.[1];
        if (element && events) out.react.set(element.className, membersOf(ts, file, events));
      }
  return out;
}

/**
 * The differences between what the package at `pkg` declares and what its manifest says, one line
 * each (none: they match). `ts` is the TypeScript module of the checkers' install.
 */
export function manifestMismatches(ts, pkg) {
  const manifest = JSON.parse(readFileSync(join(pkg, 'dist/custom-elements.json'), 'utf8'));
  const elements = manifestElements(manifest);
  if (!elements.length) return ['the manifest lists no custom elements'];
  const problems = [];
  const found = declared(ts, pkg, elements);
  for (const [framework, keysOf] of Object.entries(KEYS))
    for (const element of elements) {
      const members = found[framework].get(element.className);
      if (!members) {
        problems.push(`${framework}: no props type for <${element.tag}> (${element.className})`);
        continue;
      }
      const expected = new Set(keysOf(element));
      const stale = [...members.keys()].filter((key) => !expected.has(key));
      const missing = [...expected].filter((key) => !members.has(key));
      if (stale.length)
        problems.push(
          `${framework} <${element.tag}>: not a settable property or event in the manifest: ${stale.join(', ')}`,
        );
      if (missing.length) problems.push(`${framework} <${element.tag}>: missing: ${missing.join(', ')}`);
      // JSX and Vue write each handler's event as `CustomEvent<Detail>`: the manifest's detail type.
      if (framework === 'jsx' || framework === 'vue')
        for (const event of element.events) {
          const key = framework === 'jsx' ? `on${event.name}` : camel(`on-${event.name}`);
          const type = members.get(key);
          if (type && !type.includes(`CustomEvent<${event.type?.text}>`))
            problems.push(
              `${framework} <${element.tag}> ${key}: ${type}, not CustomEvent<${event.type?.text}>`,
            );
        }
    }
  return problems;
}
