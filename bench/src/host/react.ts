/**
 * The React 19 builder of the hand-written dashboard. React has no
 * declarative shadow roots: a host element gets one in a ref callback and its
 * content is rendered into it with a portal, which takes one more (synchronous)
 * commit per level of shadow roots. Attribute names become React's props
 * (`class` → `className`, `tabindex` → `tabIndex`, …) so the DOM comes out the same.
 */
import { createElement, useCallback, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { sheetFor } from './dom.js';
import type { Attrs, Builder, Kid } from './view.js';

const PROPS: Record<string, string> = {
  class: 'className',
  tabindex: 'tabIndex',
  datetime: 'dateTime',
  'stroke-width': 'strokeWidth',
  'stroke-linecap': 'strokeLinecap',
  'vector-effect': 'vectorEffect',
};

function props(attrs: Attrs | null): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name in attrs) {
    const value = attrs[name];
    if (name === 'hidden') result.hidden = true;
    else if (name === 'style')
      result.style = Object.fromEntries(
        value
          .split(';')
          .filter((rule) => rule.trim())
          .map((rule) => {
            const [key, val] = rule.split(':');
            return [key.trim().replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), val.trim()];
          }),
      );
    else result[PROPS[name] ?? name] = value;
  }
  return result;
}

/** Children as separate arguments: no arrays, so React needs no keys for this static view. */
function flat(kids: Kid<ReactNode>[], into: ReactNode[] = []): ReactNode[] {
  for (const kid of kids) {
    if (kid === null || kid === false) continue;
    if (Array.isArray(kid)) flat(kid, into);
    else into.push(kid);
  }
  return into;
}

function ShadowHost(p: { tag: string; attrs: Attrs; css: readonly string[]; kids: ReactNode[] }): ReactNode {
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  const { css } = p;
  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (!element || element.shadowRoot) return;
      const shadow = element.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = css.map(sheetFor);
      setRoot(shadow);
    },
    [css],
  );
  return createElement(p.tag, { ...props(p.attrs), ref }, root ? createPortal(p.kids, root) : null);
}

export const reactBuilder: Builder<ReactNode> = {
  el: (tag, attrs, ...kids) => createElement(tag, props(attrs), ...flat(kids)),
  svg: (tag, attrs, ...kids) => createElement(tag, props(attrs), ...flat(kids)),
  host: (tag, attrs, css, ...shadow) => createElement(ShadowHost, { tag, attrs, css, kids: flat(shadow) }),
};
