import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The MSW worker script must be served from the site root.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    viteConfig.optimizeDeps ??= {};
    // Without it, `storybook dev` pre-bundles a second copy of Lit ("Multiple versions of Lit loaded").
    viteConfig.optimizeDeps.include = [
      ...(viteConfig.optimizeDeps.include ?? []),
      'lit/directive-helpers.js',
    ];
    return viteConfig;
  },
};

export default config;
