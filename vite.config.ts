import { readdirSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Every page of the static site: the home page and each tool's `tools/<name>/index.html`. */
function pages(): Record<string, string> {
  const inputs: Record<string, string> = { home: resolve(import.meta.dirname, 'index.html') };
  for (const name of readdirSync(resolve(import.meta.dirname, 'tools'))) {
    const page = resolve(import.meta.dirname, 'tools', name, 'index.html');
    if (existsSync(page)) inputs[name] = page;
  }
  return inputs;
}

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    target: 'es2022',
    rollupOptions: { input: pages() },
  },
});
