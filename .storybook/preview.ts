import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import manifest from 'virtual:custom-elements-manifest';
import { html } from 'lit';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../src/define.js';
import { availableLocales } from '../src/i18n/catalogs.js';
import { localeDirection } from '../src/i18n/direction.js';
import { darkTheme } from '../src/themes/dark.js';
import { lightTheme } from '../src/themes/light.js';
import { everyBackend } from '../stories/support/mock-backend.js';

// Docs pages (autodocs) list each element's attributes, properties, events, slots, parts and CSS properties.
setCustomElementsManifest(manifest);

// The shipped token sets: `data-od-theme` on <html> (the toolbar's Theme) picks one.
document.adoptedStyleSheets = [...document.adoptedStyleSheets, lightTheme.styleSheet!, darkTheme.styleSheet!];

type Theme = 'auto' | 'light' | 'dark';

/**
 * The toolbar's languages: every catalog the library ships, named in its own
 * language. Read from the catalogs, so a language added there is offered here
 * with no edit; right-to-left ones say so.
 */
const languages = availableLocales().map((tag) => {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return { value: tag, title: localeDirection(tag) === 'rtl' ? `${name} (right to left)` : name };
});

/** Applies the toolbar's Theme: the page's color scheme and canvas follow it. */
const withTheme: Decorator = (story, context) => {
  const theme = (context.globals.theme ?? 'auto') as Theme;
  const root = document.documentElement;
  if (theme === 'auto') delete root.dataset.odTheme;
  else root.dataset.odTheme = theme;
  root.style.colorScheme = theme === 'auto' ? 'light dark' : theme;
  document.body.style.background = 'Canvas';
  return story();
};

/**
 * Applies the toolbar's Locale: the story renders inside `lang` (and the
 * locale's direction follows), and a story with a `locale` arg gets it too.
 */
const withLocale: Decorator = (story, context) => {
  const locale = context.globals.locale as string | undefined;
  if (!locale || locale === 'story') return story();
  const args = 'locale' in context.args ? { ...context.args, locale } : context.args;
  return html`<div lang=${locale}>${story({ args })}</div>`;
};

const preview: Preview = {
  loaders: [mswLoader()],
  decorators: [withTheme, withLocale],
  globalTypes: {
    theme: {
      description: 'Design tokens: the light or dark set, or the viewer’s prefers-color-scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'auto', title: 'Auto (prefers-color-scheme)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language and formatting of every element (the story’s own unless picked)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [{ value: 'story', title: 'As the story sets it' }, ...languages],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto', locale: 'story' },
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    msw: everyBackend,
  },
};

export default preview;
