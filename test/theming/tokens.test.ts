/**
 * The design tokens as documented: every `--od-` token an element's styles read is in its
 * `cssProperties` in the Custom Elements Manifest and every listed one is read. Its JSDoc
 * (`@cssprop`) lists only its own component tokens; the global ones come from tokens.ts
 * (custom-elements-manifest.config.mjs). The listed defaults, the styles' fallbacks and the shipped
 * light and dark sets agree; and the parts and slots a card renders are documented.
 */
import { expect } from '@open-wc/testing';
import type { CSSResult, CSSResultGroup } from 'lit';
import { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import { darkTheme } from '../../src/themes/dark.js';
import { lightTheme } from '../../src/themes/light.js';
import {
  darkTokens,
  DERIVED_TOKENS,
  lightTokens,
  TOKEN_DESCRIPTIONS,
  tokenDefaults,
  type TokenName,
  type TokenSet,
} from '../../src/themes/tokens.js';
import { CARDS, emulate, renderCard } from './cards.js';

function cssText(styles: CSSResultGroup | undefined): string {
  if (!styles) return '';
  if (Array.isArray(styles)) return styles.map((s) => cssText(s as CSSResultGroup)).join('\n');
  return (styles as CSSResult).cssText;
}

/** Tokens the styles read (`var(--od-x`), not the private `--_x` ones. */
function tokensRead(css: string): Set<string> {
  return new Set([...css.matchAll(/var\(\s*(--od-[a-z0-9-]+)/g)].map((m) => m[1]));
}

interface Docs {
  block: string;
  cssprops: Map<string, { defaultValue?: string; description: string }>;
  parts: Set<string>;
  slots: Set<string>;
}

/** The JSDoc block of the element's class, read from its source as the test server serves it. */
async function docs(tag: string): Promise<Docs> {
  const source = await (await fetch(`/__source?file=src/elements/${tag}/${tag}.ts`)).text();
  const classAt = source.search(/^export class /m);
  const block = source.slice(source.lastIndexOf('/**', classAt), classAt);
  const cssprops = new Map<string, { defaultValue?: string; description: string }>();
  for (const m of block.matchAll(/@cssprop \[?(--od-[a-z0-9-]+)(?:=([^\]]*))?\]? - (.*)/g))
    cssprops.set(m[1], { defaultValue: m[2], description: m[3] });
  const parts = new Set([...block.matchAll(/@csspart ([a-z0-9-]+)/g)].map((m) => m[1]));
  const slots = new Set([...block.matchAll(/@slot ([a-z0-9-]+) -/g)].map((m) => m[1]));
  return { block, cssprops, parts, slots };
}

const COMPONENT_TOKEN = /^--od-(announcements|activity-feed|activity-log|dashboard)-/;

interface ManifestToken {
  name: string;
  default?: string;
  description?: string;
}
let manifestTokens: Map<string, ManifestToken[]>;
/** Each element's `cssProperties` in the manifest generated from the current sources. */
async function loadManifestTokens() {
  const manifest = (await (await fetch('/__manifest/custom-elements.json')).json()) as {
    modules: { declarations?: { tagName?: string; cssProperties?: ManifestToken[] }[] }[];
  };
  manifestTokens = new Map();
  for (const mod of manifest.modules)
    for (const declaration of mod.declarations ?? [])
      if (declaration.tagName) manifestTokens.set(declaration.tagName, declaration.cssProperties ?? []);
}

/** Every element with styles: the cards, the full activity log and the dashboard. */
const STYLED = [
  ...CARDS.map(({ tag, Class }) => ({ tag, Class: Class as { styles?: CSSResultGroup } })),
  { tag: 'activity-log', Class: ActivityLog },
  { tag: 'org-dashboard', Class: OrgDashboard },
];
const CARD_LIKE = STYLED.filter(({ tag }) => tag !== 'org-dashboard');

describe('design tokens', () => {
  before(loadManifestTokens);

  for (const card of STYLED) {
    it(`<${card.tag}> lists in the manifest exactly the --od- tokens its styles read`, () => {
      const read = tokensRead(cssText(card.Class.styles));
      const listed = new Set((manifestTokens.get(card.tag) ?? []).map((token) => token.name));
      expect(
        [...read].filter((t) => !listed.has(t)),
        'read but not listed',
      ).to.deep.equal([]);
      expect(
        [...listed].filter((t) => !read.has(t)),
        'listed but never read',
      ).to.deep.equal([]);
    });

    it(`<${card.tag}>'s JSDoc documents its own tokens only, and points to the global set`, async () => {
      const read = tokensRead(cssText(card.Class.styles));
      const { cssprops, block } = await docs(card.tag);
      expect(
        [...cssprops.keys()].filter((t) => t in TOKEN_DESCRIPTIONS || !COMPONENT_TOKEN.test(t)),
        'not a component token',
      ).to.deep.equal([]);
      if ([...read].some((t) => t in TOKEN_DESCRIPTIONS))
        expect(block).to.match(/@see .*src\/themes\/tokens\.ts/);
    });
  }

  it('every global token is read by some card', () => {
    const read = new Set(CARDS.flatMap(({ Class }) => [...tokensRead(cssText(Class.styles))]));
    expect(Object.keys(TOKEN_DESCRIPTIONS).filter((t) => !read.has(t))).to.deep.equal([]);
  });

  it('listed defaults are the light set, with the dark value named beside them', () => {
    // A derived token's default is its computation (the focus ring: in the accent), the same in both.
    const [light, dark] = [lightTokens, darkTokens].map(tokenDefaults);
    const wrong: string[] = [];
    for (const { tag } of CARD_LIKE) {
      for (const token of manifestTokens.get(tag) ?? []) {
        const name = token.name as TokenName;
        if (!(name in TOKEN_DESCRIPTIONS) || name === '--od-color-scheme') continue;
        const namesDark = light[name] === dark[name] || token.description?.includes(`(dark: ${dark[name]})`);
        if (token.default !== light[name] || !namesDark)
          wrong.push(`${tag} ${name}=${token.default} ${token.description}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it("the styles' color fallbacks are the light and dark sets", () => {
    const wrong: string[] = [];
    for (const { tag, Class } of CARD_LIKE) {
      const css = cssText(Class.styles);
      for (const m of css.matchAll(/var\(\s*(--od-color-[a-z0-9-]+),\s*([^;]*)\);/g)) {
        const [, name, fallback] = m;
        if (name === '--od-color-scheme') continue;
        const key = name as keyof TokenSet;
        const expected = `light-dark(${lightTokens[key]}, ${darkTokens[key]})`;
        if (fallback !== expected) wrong.push(`${tag}: ${name} falls back to ${fallback}, not ${expected}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('the shipped light and dark sets declare every token with the values of tokens.ts', () => {
    for (const [sheet, tokens] of [
      [lightTheme, lightTokens],
      [darkTheme, darkTokens],
    ] as const) {
      const declared = Object.fromEntries(
        [...sheet.cssText.matchAll(/(--od-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]),
      );
      expect(declared).to.deep.equal(tokens);
      // Pinned on a themed element, a derived token would not follow what a partner sets nearer the card.
      for (const token of Object.keys(DERIVED_TOKENS)) expect(declared).to.not.have.property(token);
    }
  });
});

describe('color scheme', () => {
  afterEach(() => emulate());

  const surface = (el: Element) =>
    getComputedStyle(el.shadowRoot!.querySelector('[part~="card"]')!).backgroundColor;

  it("follows the viewer's prefers-color-scheme when the host picks none", async () => {
    await emulate({ colorScheme: 'dark' });
    const { card } = await renderCard(CARDS[0]);
    expect(surface(card)).to.equal('rgb(21, 27, 35)');
    await emulate();
    expect(surface(card)).to.equal('rgb(255, 255, 255)');
  });

  it('--od-color-scheme on an ancestor pins one', async () => {
    await emulate();
    const { card } = await renderCard(CARDS[0], { style: '--od-color-scheme: dark' });
    expect(surface(card)).to.equal('rgb(21, 27, 35)');
  });

  it('data-od-theme on an ancestor pins the shipped set', async () => {
    document.adoptedStyleSheets = [lightTheme.styleSheet!, darkTheme.styleSheet!];
    try {
      await emulate({ colorScheme: 'dark' });
      const { card } = await renderCard(CARDS[2], { theme: 'light' });
      expect(surface(card)).to.equal('rgb(255, 255, 255)');
      await emulate();
      const { card: dark } = await renderCard(CARDS[2], { theme: 'dark' });
      expect(surface(dark)).to.equal('rgb(21, 27, 35)');
    } finally {
      document.adoptedStyleSheets = [];
    }
  });

  it('a token set on the host element wins over the shipped sets', async () => {
    document.adoptedStyleSheets = [darkTheme.styleSheet!];
    try {
      const { card } = await renderCard(CARDS[2], { theme: 'dark', style: '--od-color-surface: #fffbe6' });
      expect(surface(card)).to.equal('rgb(255, 251, 230)');
    } finally {
      document.adoptedStyleSheets = [];
    }
  });
});

describe('parts and slots', () => {
  const SHARED_PARTS = ['card', 'header', 'title', 'body', 'message', 'retry', 'footer'];
  const SHARED_SLOTS = ['heading', 'header-actions', 'error'];

  for (const card of CARDS) {
    it(`<${card.tag}> documents the shared parts and slots`, async () => {
      const { parts, slots } = await docs(card.tag);
      expect(
        SHARED_PARTS.filter((p) => !parts.has(p)),
        'parts',
      ).to.deep.equal([]);
      const wanted = card.canBeEmpty ? [...SHARED_SLOTS, 'empty'] : SHARED_SLOTS;
      expect(
        wanted.filter((s) => !slots.has(s)),
        'slots',
      ).to.deep.equal([]);
    });

    it(`<${card.tag}> renders only documented parts and slots`, async () => {
      const { parts, slots } = await docs(card.tag);
      const { card: el } = await renderCard(card);
      const root = el.shadowRoot!;
      const rendered = new Set(
        [...root.querySelectorAll('[part]')].flatMap((node) => node.getAttribute('part')!.split(/\s+/)),
      );
      expect(
        [...rendered].filter((p) => !parts.has(p)),
        'undocumented parts',
      ).to.deep.equal([]);
      const named = [...root.querySelectorAll('slot[name]')].map((s) => s.getAttribute('name')!);
      expect(
        named.filter((s) => !slots.has(s)),
        'undocumented slots',
      ).to.deep.equal([]);
      // Every button but Retry carries the shared `action` part (links in content, like "Learn more",
      // are text links, not actions).
      for (const action of root.querySelectorAll('button:not([part~="retry"])'))
        expect(action.getAttribute('part') ?? '', action.outerHTML).to.match(/\baction\b/);
    });
  }
});
