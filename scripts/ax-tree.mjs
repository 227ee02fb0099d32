// `od-ax-tree` ({ name }): what assistive technology gets from the element marked `data-ax-root`
// (or its shadow root's part `data-ax-root` names),
// read from Chromium's own accessibility tree (DevTools protocol, `Accessibility.getFullAXTree`),
// written as an indented outline (role, name, the states and properties a screen reader announces,
// live regions), and compared with the reviewed baseline test/a11y/__ax__/<name>.txt, so that a
// change in what a screen reader hears shows in review the way a changed screenshot does.
// `npm run test:update-ax` (`--update-ax-baseline`) rewrites the baselines; a missing one is written
// outside CI and fails in CI. Firefox (WebDriver BiDi) has no such tree to read: the command answers
// `{ status: 'unsupported' }` there.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baselines = join(root, 'test/a11y/__ax__');
const update = process.argv.includes('--update-ax-baseline');

/** Roles that only group or lay out: their children are told as if they were the parent's. */
const TRANSPARENT = new Set(['generic', 'none', 'presentation', 'InlineTextBox', 'LineBreak']);

/** Controls whose children the browser makes, not the page. */
const NATIVE_INSIDES = new Set(['Date', 'DateTime', 'InputTime', 'MenuListPopup']);

/** Properties a screen reader announces or acts on, in a fixed order; others (focusable...) are noise. */
const ANNOUNCED = [
  'level',
  'checked',
  'pressed',
  'selected',
  'expanded',
  'disabled',
  'required',
  'invalid',
  'readonly',
  'modal',
  'multiselectable',
  'orientation',
  'valuemin',
  'valuemax',
  'valuetext',
  'hasPopup',
  'live',
  'atomic',
  'relevant',
  'busy',
  'roledescription',
];

const one = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** The outline of the AX subtree at `node`, `depth` levels in. */
function outline(node, byId, depth, lines, parentName = '') {
  if (!node) return;
  const role = node.role?.value ?? '';
  const name = one(node.name?.value);
  const skip = node.ignored || (TRANSPARENT.has(role) && !name) || role === 'InlineTextBox';
  if (!skip) {
    const props = new Map((node.properties ?? []).map((p) => [p.name, p.value?.value]));
    const states = ANNOUNCED.filter((key) => props.has(key) && ![false, 'false', ''].includes(props.get(key)))
      .map((key) => (props.get(key) === true ? key : `${key}=${one(props.get(key))}`))
      .join(' ');
    const value = one(node.value?.value);
    const description = one(node.description?.value);
    lines.push(
      `${'  '.repeat(depth)}- ${role}${name ? ` "${name}"` : ''}${value ? ` value="${value}"` : ''}${
        description ? ` description="${description}"` : ''
      }${states ? ` [${states}]` : ''}`,
    );
  }
  // A text's own name already says it: its text boxes add nothing. A native control's insides
  // (a date field's spin buttons, a select's options) are the browser's, and change with its version.
  if (role === 'StaticText' || NATIVE_INSIDES.has(role)) return;
  for (const id of node.childIds ?? []) {
    const child = byId.get(id);
    // The texts a name was made of (a button's, a heading's) are said once, as that name.
    const said = skip ? parentName : name;
    if (said && child?.role?.value === 'StaticText' && said.includes(one(child.name?.value))) continue;
    outline(child, byId, skip ? depth : depth + 1, lines, said);
  }
}

/** The outline of the accessibility subtree of the element marked `data-ax-root`. */
async function readTree(page) {
  const cdp = await page.createCDPSession();
  try {
    // The element, as an object of this session (a handle of puppeteer's own session is not).
    const { result } = await cdp.send('Runtime.evaluate', {
      // `data-ax-root="<part>"` marks that part of the element's shadow root (a modal dialog, which
      // leaves the rest of the page out of the tree).
      expression: `(() => {
        const host = document.querySelector('[data-ax-root]');
        const part = host?.dataset.axRoot;
        return part ? host.shadowRoot.querySelector('[part~="' + part + '"]') : host;
      })()`,
    });
    if (!result.objectId) throw new Error('no element marked data-ax-root');
    const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId });
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const start = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
    if (!start) throw new Error('the marked element is not in the accessibility tree');
    const lines = [];
    outline(start, byId, 0, lines);
    return `${lines.join('\n')}\n`;
  } finally {
    await cdp.detach();
  }
}

/** The first lines where `a` and `b` differ, for the failure message. */
function difference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 12; i += 1)
    if (a[i] !== b[i])
      out.push(`line ${i + 1}:\n  baseline: ${a[i] ?? '(none)'}\n  now:      ${b[i] ?? '(none)'}`);
  return out.join('\n');
}

export function accessibilityTreePlugin() {
  return {
    name: 'od-ax-tree',
    async executeCommand({ command, payload, session }) {
      if (command !== 'od-ax-tree') return undefined;
      const page = session.browser.getPage(session.id);
      if (page.browser().protocol === 'webDriverBiDi') return { status: 'unsupported' };
      if (!/^[\w-]+$/.test(payload.name)) throw new Error(`bad baseline name ${payload.name}`);
      const tree = await readTree(page);
      const file = join(baselines, `${payload.name}.txt`);
      if (update || (!existsSync(file) && !process.env.CI)) {
        mkdirSync(baselines, { recursive: true });
        writeFileSync(file, tree);
        return { status: 'written', tree };
      }
      if (!existsSync(file)) return { status: 'missing', tree };
      const baseline = readFileSync(file, 'utf8');
      return baseline === tree
        ? { status: 'same', tree }
        : { status: 'changed', tree, diff: difference(baseline, tree) };
    },
  };
}
