/**
 * `<workspace-stats-card>` in forced colors (Windows High Contrast): the bar takes the viewer's
 * system colors instead of the theme's, each group its own, and each legend swatch stays visible in
 * its group's look, so the legend still says which segment is which.
 */
import { expect } from '@open-wc/testing';
import { CARDS, emulate, renderCard } from './cards.js';

const GROUPS = ['active', 'suspended', 'others'] as const;

/** A system color as the browser computes it, left as it is by forced colors. */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  probe.style.forcedColorAdjust = 'none';
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

async function workspaceCard(): Promise<ShadowRoot> {
  const { card } = await renderCard(CARDS.find((c) => c.tag === 'workspace-stats-card')!);
  return card.shadowRoot!;
}

describe('<workspace-stats-card> in forced colors', () => {
  before(() => emulate({ forcedColors: 'active' }));
  after(() => emulate());

  it('the bar segments take system colors, a different look per group', async () => {
    const root = await workspaceCard();
    const system = new Map(
      ['Canvas', 'CanvasText', 'GrayText'].map((name) => [systemColor(name), name] as const),
    );
    const looks = GROUPS.map((group) => {
      const style = getComputedStyle(root.querySelector(`.segment.${group}`)!);
      return `${system.get(style.fill) ?? style.fill} / ${system.get(style.stroke) ?? style.stroke}`;
    });
    // Filled in the text color, in gray, and the page color with a text-colored edge.
    expect(looks.join(', ')).to.equal('CanvasText / Canvas, GrayText / Canvas, Canvas / CanvasText');
    expect(new Set(looks).size, looks.join(', ')).to.equal(3);
  });

  it('each legend swatch stays visible and matches its segment', async () => {
    const root = await workspaceCard();
    const canvas = systemColor('Canvas');
    for (const group of GROUPS) {
      const segment = getComputedStyle(root.querySelector(`.segment.${group}`)!);
      const swatch = getComputedStyle(root.querySelector(`.swatch.${group}`)!);
      const filled = swatch.backgroundColor !== canvas && swatch.backgroundColor !== 'rgba(0, 0, 0, 0)';
      const outlined = swatch.borderTopStyle !== 'none' && swatch.borderTopColor !== canvas;
      expect(filled || outlined, `${group} swatch visible`).to.equal(true);
      expect(swatch.backgroundColor, `${group} swatch as its segment`).to.equal(segment.fill);
    }
  });
});
