/** The plain-DOM builder of the hand-written dashboard: createElement, setAttribute, attachShadow. */
import type { Builder, Kid } from './view.js';

const SVG = 'http://www.w3.org/2000/svg';
const sheets = new Map<string, CSSStyleSheet>();

/** One constructed sheet per distinct CSS text, shared by every shadow root that adopts it. */
export function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

function append(parent: Node, kids: Kid<Node>[]): void {
  for (const kid of kids) {
    if (kid === null || kid === false) continue;
    if (Array.isArray(kid)) append(parent, kid);
    else parent.appendChild(typeof kid === 'string' ? document.createTextNode(kid) : kid);
  }
}

function make(element: Element, attrs: Record<string, string> | null, kids: Kid<Node>[]): Element {
  if (attrs) for (const name in attrs) element.setAttribute(name, attrs[name]);
  append(element, kids);
  return element;
}

export const domBuilder: Builder<Node> = {
  el: (tag, attrs, ...kids) => make(document.createElement(tag), attrs, kids),
  svg: (tag, attrs, ...kids) => make(document.createElementNS(SVG, tag), attrs, kids),
  host(tag, attrs, css, ...shadow) {
    const element = make(document.createElement(tag), attrs, []);
    const root = element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = css.map(sheetFor);
    append(root, shadow);
    return element;
  },
};
