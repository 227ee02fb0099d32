/**
 * `styleProps({...})`: inline style properties set through the CSSOM
 * (`style.setProperty`) on every render, the first one included. Lit's
 * `styleMap` writes a `style` attribute on first render, which a strict
 * Content Security Policy (`style-src` without `'unsafe-inline'`) blocks;
 * CSSOM writes are allowed. Use in element position:
 * `<span ${styleProps({ '--_w': '4em' })}></span>`.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

export type StyleProps = Readonly<Record<string, string>>;

class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('styleProps() belongs on an element: <div ${styleProps(...)}>');
  }

  render(_props: StyleProps) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [StyleProps]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(props));
    return nothing;
  }
}

export const styleProps = directive(StylePropsDirective);
