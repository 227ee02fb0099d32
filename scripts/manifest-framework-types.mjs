// A Custom Elements Manifest plugin (custom-elements-manifest.config.mjs): host types for Svelte 5,
// Solid and Preact templates, written to dist/types/{svelte,solid,preact}.d.ts and shipped as the
// types-only entries `org-dashboard-elements/svelte`, `/solid` and `/preact`. Each file augments that
// framework's own element table (Svelte's `SvelteHTMLElements`, Solid's and Preact's
// `JSX.IntrinsicElements`), so importing it once makes the host's checker reject `adapter={42}` or a
// handler that takes the wrong event. Properties are typed by the element class (`OrgDashboard['adapter']`)
// and events by the package's typed event classes, through their `HTMLElementEventMap` entries:
// nothing here restates a type. scripts/test-framework-types.mjs checks the result with each checker.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The settable fields of an element: public, not static, not read-only. */
function settableFields(declaration) {
  return (declaration.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      !member.readonly &&
      (member.privacy ?? 'public') === 'public' &&
      !member.name.startsWith('_'),
  );
}

/** A JSDoc comment for generated code (one that cannot close early). */
export const doc = (text, indent = '  ') =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';

/** The custom elements of the manifest, each with its class, tag, settable fields and `od-*` events. */
export function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules)
    for (const declaration of mod.declarations ?? [])
      if (declaration.customElement && declaration.tagName)
        elements.push({
          className: declaration.name,
          tag: declaration.tagName,
          summary: declaration.summary,
          fields: settableFields(declaration),
          events: (declaration.events ?? []).filter((event) => event.name?.startsWith('od-')),
        });
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/**
 * A field's key in a template: its attribute when it has one (set as an attribute before the tag is
 * defined, and as a property after), else its property name (objects: `adapter`, `links`...).
 */
const fieldKey = (field) => field.attribute ?? field.name;
const quoted = (key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`);

/** The members of one element's props type, one per line. */
function members(element, { prefix = '', keyOf = fieldKey, eventKey, handler }) {
  const lines = [];
  for (const field of element.fields)
    lines.push(
      `${doc(field.description)}  ${quoted(prefix + keyOf(field))}?: ${element.className}['${field.name}'];`,
    );
  for (const event of element.events)
    lines.push(
      `${doc(event.description)}  ${quoted(eventKey(event.name))}?: ${handler(element, `HTMLElementEventMap['${event.name}']`)};`,
    );
  return lines.join('\n');
}

const propsName = (element, framework) => `${element.className}${framework}Props`;

function svelteTypes(elements) {
  const types = elements.map((element) => {
    const own = `{\n${members(element, {
      eventKey: (name) => `on${name}`,
      handler: (_, event) => `(event: ${event}) => void`,
    })}\n}`;
    return `${doc(`\`<${element.tag}>\` in Svelte templates: ${element.summary ?? ''}`, '')}export type ${propsName(element, 'Svelte')} = Omit<HTMLAttributes<${element.className}>, keyof ${propsName(element, 'SvelteOwn')}> &\n  ${propsName(element, 'SvelteOwn')};\ntype ${propsName(element, 'SvelteOwn')} = ${own};`;
  });
  return `import type { HTMLAttributes } from 'svelte/elements';\n${imports(elements)}\n\n${types.join('\n\n')}\n\ndeclare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n${elements.map((e) => `    '${e.tag}': ${propsName(e, 'Svelte')};`).join('\n')}\n  }\n}\n`;
}

function solidTypes(elements) {
  const types = elements.map((element) => {
    // Solid sets a custom element's props as properties (`org-id` sets `orgId`); `prop:` says so
    // explicitly, `on:` listens to the event as named.
    const plain = members({ ...element, events: [] }, { eventKey: String, handler: () => '' });
    const explicit = members(element, {
      prefix: 'prop:',
      keyOf: (field) => field.name,
      eventKey: (name) => `on:${name}`,
      handler: (el, event) => `JSX.EventHandlerWithOptionsUnion<${el.className}, ${event}>`,
    });
    return `${doc(`\`<${element.tag}>\` in Solid JSX: ${element.summary ?? ''}`, '')}export type ${propsName(element, 'Solid')} = Omit<JSX.HTMLAttributes<${element.className}>, keyof ${propsName(element, 'SolidOwn')}> &\n  ${propsName(element, 'SolidOwn')};\ntype ${propsName(element, 'SolidOwn')} = {\n${plain}\n${explicit}\n};`;
  });
  return `import type { JSX } from 'solid-js';\n${imports(elements)}\n\n${types.join('\n\n')}\n\ndeclare module 'solid-js' {\n  namespace JSX {\n    interface IntrinsicElements {\n${elements.map((e) => `      '${e.tag}': ${propsName(e, 'Solid')};`).join('\n')}\n    }\n  }\n}\n`;
}

function preactTypes(elements) {
  const types = elements.map((element) => {
    // Preact sets a prop as a property when the element has it, and `onod-x` listens to `od-x`.
    const own = `{\n${members(element, {
      eventKey: (name) => `on${name}`,
      handler: (_, event) => `(event: ${event}) => void`,
    })}\n}`;
    return `${doc(`\`<${element.tag}>\` in Preact JSX: ${element.summary ?? ''}`, '')}export type ${propsName(element, 'Preact')} = Omit<JSX.HTMLAttributes<${element.className}>, keyof ${propsName(element, 'PreactOwn')}> &\n  ${propsName(element, 'PreactOwn')};\ntype ${propsName(element, 'PreactOwn')} = ${own};`;
  });
  return `import type { JSX } from 'preact';\n${imports(elements)}\n\n${types.join('\n\n')}\n\ndeclare module 'preact' {\n  namespace JSX {\n    interface IntrinsicElements {\n${elements.map((e) => `      '${e.tag}': ${propsName(e, 'Preact')};`).join('\n')}\n    }\n  }\n}\n`;
}

/** The element classes, from the package root (whose declarations also register the events). */
const imports = (elements) =>
  `import type { ${elements.map((e) => e.className).join(', ')} } from '../index.js';`;

/**
 * The JSX and Vue generators (custom-element-jsx-integration, custom-element-vuejs-integration) type
 * every public field as a prop, read-only ones too: `state`, `error`, `dataStore`... React 19, Vue and
 * Preact set a prop the element has as a property, and setting a getter-only property throws a
 * TypeError (in strict code, as frameworks' is), so a host the types let through crashed. This drops
 * each element's read-only fields, with their doc comments, from `files`, which name them as
 * `Class["field"]`.
 */
export function readOnlyPropsDroppedPlugin({ files, skip = false }) {
  return {
    name: 'od-read-only-props-dropped',
    packageLinkPhase({ customElementsManifest }) {
      if (skip) return;
      const readOnly = [];
      for (const mod of customElementsManifest.modules)
        for (const declaration of mod.declarations ?? [])
          if (declaration.customElement && declaration.tagName)
            for (const member of declaration.members ?? [])
              if (member.kind === 'field' && member.readonly && !member.static)
                readOnly.push([declaration.name, member.name]);
      for (const file of files) {
        if (!existsSync(file)) continue;
        let code = readFileSync(file, 'utf8');
        for (const [className, field] of readOnly)
          code = code.replace(
            new RegExp(
              `(?:\\n[ \\t]*/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)?\\n[ \\t]*[^\\n:]+\\?: ${className}\\["${field}"\\];`,
              'g',
            ),
            '',
          );
        writeFileSync(file, code);
      }
    },
  };
}

const HEADER =
  '// Generated from the Custom Elements Manifest by scripts/manifest-framework-types.mjs: do not edit.\n';

/** The plugin: `outdir` is where the three files go; `skip` writes nothing (manifest-only runs). */
export function frameworkTypesPlugin({ outdir, skip = false }) {
  return {
    name: 'od-framework-types',
    packageLinkPhase({ customElementsManifest }) {
      if (skip) return;
      const elements = elementsOf(customElementsManifest);
      if (!existsSync(outdir)) mkdirSync(outdir, { recursive: true });
      for (const [file, generate] of [
        ['svelte.d.ts', svelteTypes],
        ['solid.d.ts', solidTypes],
        ['preact.d.ts', preactTypes],
      ])
        writeFileSync(join(outdir, file), HEADER + generate(elements));
    },
  };
}
