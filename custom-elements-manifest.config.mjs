// Custom-elements manifest (https://github.com/webcomponents/custom-elements-manifest):
// `npm run build` writes dist/custom-elements.json from the elements' sources and JSDoc, and
// `npm run docs` renders the README's element reference from it (scripts/element-reference.mjs).
export default {
  // One element per `components/ebet-<name>/ebet-<name>.ts`; pages, workers and helpers are not elements.
  globs: ['components/ebet-*/ebet-*.ts'],
  exclude: ['**/page.ts', 'test/**'],
  outdir: 'dist',
  litelement: true,
  // package.json's `customElements` already points at dist/custom-elements.json; a build must not rewrite tracked files.
  packagejson: false,
};
