import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const MANIFEST_ID = 'virtual:custom-elements-manifest';

/**
 * `import manifest from 'virtual:custom-elements-manifest'`: the Custom Elements Manifest of the
 * current sources (custom-elements-manifest.config.mjs, manifest only), for the docs pages.
 */
function customElementsManifest(): Plugin {
  const outdir = 'node_modules/.cache/od-manifest-storybook';
  return {
    name: 'od-custom-elements-manifest',
    resolveId: (id) => (id === MANIFEST_ID ? `\0${MANIFEST_ID}` : null),
    load(id) {
      if (id !== `\0${MANIFEST_ID}`) return null;
      const cem = spawnSync('npx', ['cem', 'analyze', '--quiet', '--outdir', outdir], {
        env: { ...process.env, OD_MANIFEST_ONLY: '1' },
        encoding: 'utf8',
      });
      if (cem.status !== 0) throw new Error(`cem analyze failed: ${cem.stderr}`);
      const manifest = JSON.parse(readFileSync(`${outdir}/custom-elements.json`, 'utf8'));
      // The docs pages' tables show every member they are given: keep them to the public API.
      for (const mod of manifest.modules)
        for (const declaration of mod.declarations ?? [])
          declaration.members = declaration.members?.filter(
            (member: { privacy?: string; static?: boolean }) =>
              !member.static && (member.privacy ?? 'public') === 'public',
          );
      return `export default ${JSON.stringify(manifest)};`;
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['msw-storybook-addon', '@storybook/addon-docs', '@storybook/addon-a11y'],
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
    viteConfig.plugins = [...(viteConfig.plugins ?? []), customElementsManifest()];
    return viteConfig;
  },
};

export default config;
