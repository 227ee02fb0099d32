/**
 * The vanilla baseline: builds a DOM tree (shadow roots and adopted style
 * sheets included) with the plain DOM API, from a snapshot of what the
 * library rendered. It is the least work any implementation showing the same
 * DOM must do.
 */
export interface SnapshotElement {
  /** Tag name. */
  t: string;
  /** Namespace, when not HTML (SVG). */
  ns?: string;
  /** Attributes. */
  a: [string, string][];
  /** Children: elements, or strings for text. */
  c: SnapshotNode[];
  /** Shadow root: its style sheets' CSS and children. */
  s?: { css: string[]; c: SnapshotNode[] };
}
export type SnapshotNode = SnapshotElement | string;

const sheets = new Map<string, CSSStyleSheet>();

function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

function append(parent: Node, nodes: SnapshotNode[]): void {
  for (const node of nodes) parent.appendChild(build(node));
}

export function build(node: SnapshotNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = node.ns ? document.createElementNS(node.ns, node.t) : document.createElement(node.t);
  for (const [name, value] of node.a) element.setAttribute(name, value);
  if (node.s) {
    const root = element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = node.s.css.map(sheetFor);
    append(root, node.s.c);
  }
  append(element, node.c);
  return element;
}

/** The snapshot side: what the library rendered, comments (Lit's markers) left out. */
export function snapshot(node: Node): SnapshotNode | null {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const element = node as Element;
  const children = (list: NodeListOf<ChildNode>) =>
    [...list].map(snapshot).filter((child): child is SnapshotNode => child !== null);
  const result: SnapshotElement = {
    t: element.localName,
    a: [...element.attributes].map((attribute) => [attribute.name, attribute.value]),
    c: children(element.childNodes),
  };
  if (element.namespaceURI && element.namespaceURI !== 'http://www.w3.org/1999/xhtml')
    result.ns = element.namespaceURI;
  const root = element.shadowRoot;
  if (root) {
    result.s = {
      css: root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')),
      c: children(root.childNodes),
    };
  }
  return result;
}
