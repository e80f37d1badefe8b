import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { defineConfig } from 'vite';
import { docsInputs, docsPagesPlugin } from './scripts/docs-pages.mjs';
import { devBank } from './scripts/dev-bank.ts';
import { standaloneBundles } from './scripts/standalone-bundles.mjs';

const root = import.meta.dirname;

/** Every page of the static site: the home page, each tool's `tools/<name>/index.html` and the docs pages. */
function pages(): Record<string, string> {
  const inputs: Record<string, string> = { home: resolve(root, 'index.html') };
  for (const name of readdirSync(resolve(root, 'tools'))) {
    const page = resolve(root, 'tools', name, 'index.html');
    if (existsSync(page)) inputs[name] = page;
  }
  return { ...inputs, ...docsInputs(root) };
}

export default defineConfig({
  base: './',
  plugins: [docsPagesPlugin(root), standaloneBundles(), devBank()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    // The pages name their first modules in <link rel="modulepreload">; what a module imports later
    // (parse5, the elements below the fold) is fetched by the import itself, with no <link> added to the page.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    rollupOptions: {
      input: pages(),
      // An element's entry module (`ebet-x/define.ts`) names its chunk after the element, not "define".
      output: { chunkFileNames: ({ facadeModuleId }) => `assets/${facadeModuleId?.endsWith('/define.ts') ? basename(dirname(facadeModuleId)) : '[name]'}-[hash].js` },
    },
  },
});
