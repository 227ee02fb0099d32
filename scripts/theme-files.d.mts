// Types of scripts/theme-files.mjs for the TypeScript tests that import it.
type Tokens = Readonly<Record<string, string>>;
export declare const THEMES: readonly ['light', 'dark'];
export declare const README_START: string;
export declare const README_END: string;
export declare function sharedTokens(light: Tokens, dark: Tokens): Record<string, string>;
export declare function sharedModule(shared: Tokens): string;
export declare function themeModule(name: string, tokens: Tokens, shared?: Tokens): string;
export declare function themeSources(sets: { light: Tokens; dark: Tokens }): Record<string, string>;
export declare function themeCss(name: string, tokens: Tokens): string;
export declare function tokenTable(descriptions: Tokens, light: Tokens, dark: Tokens): string;
export declare function withTokenTable(readme: string, table: string): string;
