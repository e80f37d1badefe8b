// Builds the library entries, each as one self-contained ES module in dist/lib/:
// the protocol core for Node and browsers, and the embeddable elements (lit included).
import { build } from 'vite';

export const LIBRARY_ENTRIES = {
  'ebet-core': 'src/index.ts',
};

for (const [name, entry] of Object.entries(LIBRARY_ENTRIES)) {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: 'dist/lib',
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
    },
  });
  console.log(`built dist/lib/${name}.js`);
}
