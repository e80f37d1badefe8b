// The README's policy table, rendered from the core's own data (`POLICY` in src/judging/policy.ts, as the
// built core exports it: run `npm run build` first). `npm run docs` rewrites the README between the
// markers; test/node/policy-table.test.mjs fails when what is there is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const README = `${ROOT}README.md`;
export const START = '<!-- policy:start -->';
export const END = '<!-- policy:end -->';

const cell = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();

/** The table as Markdown, one row per entry of the policy. */
export function renderPolicy(policy) {
  const rows = Object.entries(policy).map(
    ([code, e]) =>
      `| \`${code}\` | ${cell(e.seen.en)} | ${e.bank.known ? '' : '**unknown** — '}${cell(e.bank.does.en)} | ${e.level.shopToBank} | ${e.level.bankToShop} | ${cell(e.conclusion.en)} |`,
  );
  return [
    '| code | seen | what the bank does | request | answer | the toolkit concludes |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The policy of the built core. */
export async function builtPolicy() {
  const core = await import(pathToFileURL(`${ROOT}dist/lib/ebet-core.js`).href);
  return core.POLICY;
}

/** What the README holds between the markers, or `null` without them. */
export function currentPolicy(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? null : readme.slice(start + START.length, end).trim();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const readme = readFileSync(README, 'utf8');
  if (currentPolicy(readme) === null) throw new Error(`README.md lacks the ${START} / ${END} markers`);
  const table = renderPolicy(await builtPolicy());
  writeFileSync(README, readme.replace(/<!-- policy:start -->[\s\S]*<!-- policy:end -->/, `${START}\n${table}\n${END}`));
  console.log('README.md: policy table written');
}
