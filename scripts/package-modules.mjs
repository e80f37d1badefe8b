// After `tsc -p tsconfig.lib.json`: the package's modules (dist/npm/) must name the files they
// ship. tsc's rewriteRelativeImportExtensions leaves some relative `.ts` specifiers as written
// (an `import('./x.ts')` inside a callback's argument, a worker's `new URL('./x.ts', import.meta.url)`),
// which a consumer's bundler cannot resolve. They become `.js` here (the same length, so the source
// maps stay exact), and the build fails if any relative `.ts` specifier is left.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/npm/', import.meta.url));
const SPECIFIER = /((?:\bimport\(|\bnew URL\()\s*)(['"])(\.{1,2}\/[^'"]+)\.ts\2/g;

/** Every .js module under `dir`. */
function modules(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

let rewritten = 0;
for (const file of modules(DIST)) {
  const code = readFileSync(file, 'utf8');
  const fixed = code.replace(SPECIFIER, (_all, call, quote, path) => (rewritten++, `${call}${quote}${path}.js${quote}`));
  if (fixed !== code) writeFileSync(file, fixed);
  const left = fixed.match(/(?:\bimport\(|\bfrom\s|\bnew URL\()\s*['"]\.{1,2}\/[^'"]+\.ts['"]/);
  if (left) throw new Error(`${file}: ${left[0]} names a file the package does not ship`);
}
console.log(`dist/npm: ${rewritten} relative .ts specifiers now name their .js`);
