/**
 * The design tokens every element honours: CSS custom properties with the
 * `--od-` prefix, inherited through shadow roots, so a value set on any
 * ancestor (or on a card itself) restyles every card below it.
 *
 * The elements' built-in defaults are these two sets: the light values, or the
 * dark ones when the card's color scheme is dark (see `--od-color-scheme`). The
 * derived tokens (`DERIVED_TOKENS`) are in neither set: each card computes their
 * default from the tokens as they reach it.
 *
 * The one source of the tokens: scripts/themes.mjs generates `light.ts` and
 * `dark.ts`, `dist/themes/*.css` and README.md's token table from it, and
 * custom-elements-manifest.config.mjs lists the global tokens each element reads.
 */

/** Every global token, with what it styles. Component tokens are documented on their element. */
export const TOKEN_DESCRIPTIONS = {
  '--od-color-scheme':
    '`light dark` follows the viewer\u2019s `prefers-color-scheme`; `light` or `dark` pins one.',
  '--od-color-surface': 'Card background.',
  '--od-color-text': 'Text.',
  '--od-color-text-muted': 'Labels, times and notes.',
  '--od-color-border': 'Card, item and button borders.',
  '--od-color-accent': 'Actions, links and the focus ring.',
  '--od-color-positive': 'Good news: a decrease in spending, a confirmation.',
  '--od-color-negative': 'Bad news: an increase in spending, errors, critical items.',
  '--od-color-warning': 'Warnings.',
  '--od-color-skeleton': 'Loading placeholders and empty chart tracks.',
  '--od-color-chart-1': 'First chart series.',
  '--od-color-chart-2': 'Second chart series.',
  '--od-color-chart-3': 'Third chart series.',
  '--od-color-tooltip': 'Tooltip background.',
  '--od-color-tooltip-text': 'Tooltip text.',
  '--od-font-family': 'Text font.',
  '--od-font-family-mono': 'Font of identifiers.',
  '--od-font-size': 'Base text size.',
  '--od-font-size-title': 'Heading size.',
  '--od-font-size-value': 'Size of prominent values.',
  '--od-font-size-value-large': 'Size of the headline number.',
  '--od-font-weight-title': 'Heading weight.',
  '--od-font-weight-value': 'Weight of prominent values.',
  '--od-space': 'Spacing unit.',
  '--od-card-padding': 'Padding inside the card.',
  '--od-radius': 'Corner radius (buttons and items use fractions of it).',
  '--od-shadow': 'Card elevation.',
  '--od-focus-ring': 'Focus outline of every action.',
  '--od-focus-ring-offset': 'Gap between an action and its focus outline.',
} as const;

export type TokenName = keyof typeof TOKEN_DESCRIPTIONS;

/**
 * Tokens whose default each card computes from other tokens where it stands, as CSS a partner could
 * write: the focus ring is drawn in the accent. The shipped sets leave them unset, because a value
 * pinned on a themed ancestor (or on the card through `:host`) is fixed there and would not follow
 * an accent a partner sets nearer the card or on the themed element; a partner may still set them.
 */
export const DERIVED_TOKENS = {
  '--od-focus-ring': '2px solid var(--od-color-accent)',
} as const satisfies Partial<Record<TokenName, string>>;

export type DerivedTokenName = keyof typeof DERIVED_TOKENS;
/** A shipped set: a value for every token but the derived ones. */
export type TokenSet = Record<Exclude<TokenName, DerivedTokenName>, string>;

/** Every token's default under a set: its own values, and the derived tokens' computations. */
export function tokenDefaults(tokens: TokenSet): Record<TokenName, string> {
  return { ...tokens, ...DERIVED_TOKENS };
}

const shared = {
  '--od-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  '--od-font-family-mono': 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  '--od-font-size': '0.875rem',
  '--od-font-size-title': '1rem',
  '--od-font-size-value': '1.25rem',
  '--od-font-size-value-large': '2rem',
  '--od-font-weight-title': '600',
  '--od-font-weight-value': '600',
  '--od-space': '16px',
  '--od-card-padding': '16px',
  '--od-radius': '12px',
  '--od-focus-ring-offset': '2px',
} as const;

/** The light set: the built-in look. */
export const lightTokens: TokenSet = {
  '--od-color-scheme': 'light',
  '--od-color-surface': '#ffffff',
  '--od-color-text': '#1b1f24',
  '--od-color-text-muted': '#59636e',
  '--od-color-border': '#d1d9e0',
  '--od-color-accent': '#0b5cd5',
  '--od-color-positive': '#1a7f37',
  '--od-color-negative': '#c21c2c',
  '--od-color-warning': '#875a00',
  '--od-color-skeleton': '#e8ecf0',
  '--od-color-chart-1': '#2f6fdb',
  '--od-color-chart-2': '#6e7781',
  '--od-color-chart-3': '#b35900',
  '--od-color-tooltip': '#1b1f24',
  '--od-color-tooltip-text': '#ffffff',
  ...shared,
  '--od-shadow': '0 1px 2px rgb(0 0 0 / 0.06)',
};

/**
 * The dark set: every text color keeps at least 4.5:1 against the surface, the accent (and so the
 * focus ring, drawn in it) 3:1.
 */
export const darkTokens: TokenSet = {
  '--od-color-scheme': 'dark',
  '--od-color-surface': '#151b23',
  '--od-color-text': '#f0f6fc',
  '--od-color-text-muted': '#9198a1',
  '--od-color-border': '#3d444d',
  '--od-color-accent': '#4493f8',
  '--od-color-positive': '#3fb950',
  '--od-color-negative': '#f85149',
  '--od-color-warning': '#d29922',
  '--od-color-skeleton': '#262c36',
  '--od-color-chart-1': '#4493f8',
  '--od-color-chart-2': '#9198a1',
  '--od-color-chart-3': '#db6d28',
  '--od-color-tooltip': '#f0f6fc',
  '--od-color-tooltip-text': '#151b23',
  ...shared,
  '--od-shadow': '0 1px 2px rgb(0 0 0 / 0.5)',
};

/** A token set as CSS declarations, e.g. for a `style` attribute or a stylesheet rule. */
export function tokenDeclarations(tokens: Partial<Record<TokenName, string>>): string {
  return Object.entries(tokens)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
}
