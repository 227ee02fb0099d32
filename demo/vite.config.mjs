import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// The demo host page: plain HTML, the elements from source, MSW as the backend.
export default defineConfig({
  root: here('.'),
  // The MSW worker script must be served from the site root.
  publicDir: here('../public'),
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: here('../demo-dist'), emptyOutDir: true },
  optimizeDeps: { include: ['lit/directive-helpers.js'] },
});
