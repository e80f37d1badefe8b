// The docs' protocol page (docs/protocol.md), rendered from the core's own field table
// (src/protocol/fields.ts, rows in src/protocol/field-table.ts): every message, every field, its format, whether it
// is mandatory and signed, what it means. `npm run docs` rewrites the page;
// test/node/docs.test.mjs fails when it is stale.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeGenerated } from './element-reference.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PAGE = `${ROOT}docs/protocol.md`;

/** The core's field table and MAC functions, bundled from source in memory and imported. */
export async function loadCore() {
  const result = await build({
    stdin: { contents: "export { MESSAGES } from './src/protocol/fields.ts'; export { macString, computeMac } from './src/protocol/message.ts'; export { TEST_KEY, TEST_KVV } from './src/protocol/key.ts';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

const cell = (text) => (text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const MAC = { always: 'signed', YES: 'signed when NB_VERIFIED is YES' };

function message(spec) {
  const rows = spec.fields.map((f) =>
    [
      f.number,
      code(f.name),
      cell(f.description.en),
      `${f.format.type} ${f.format.max}`,
      f.use,
      MAC[f.mac] ?? '',
      code(f.example),
    ].join(' | '),
  );
  const statuses = spec.statuses
    ? [`NB_VERIFIED is one of ${spec.statuses.values.map(code).join(', ')}; the bank signs no answer with ${spec.statuses.unsigned.map(code).join(', ')}.`, '']
    : [];
  return [
    `## ${spec.title.en} (\`${spec.kind}\`)`,
    '',
    `Table ${spec.table} of the handbook. Swedish: ${spec.title.sv}.`,
    '',
    ...statuses,
    '| # | field | meaning | format | use | MAC | example |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ];
}

/** docs/protocol.md: the whole page. */
export function renderPage(core) {
  const pay = core.MESSAGES.payDirect;
  const example = Object.fromEntries(pay.fields.filter((f) => f.example !== undefined && f.mac).map((f) => [f.name, f.example]));
  const string = core.macString('payDirect', example);
  return `# The protocol

E-betalning in one page, generated from the core's own field table (\`src/protocol/fields.ts\`, rows in
\`src/protocol/field-table.ts\`; \`npm run docs\`), so that it says exactly what the tools check.

A shop sends the buyer's browser to the bank with an HTML form (POST) of \`NB_…\` fields. The
fields marked *signed* below, in the table's order, are joined with \`&\` (absent optional fields
are left out with their \`&\`, values are never trimmed) into the **MAC string**; **NB_HMAC** is the
first 32 hexadecimal characters (upper case) of HMAC-SHA256 of that string's bytes under the
shop's 16-byte key, and **NB_KVV** is the key's verification value: the same HMAC of the ASCII
text \`00000000\`. The bank answers the same way, signed with the same key. The handbook names no
character encoding; the tools use UTF-8 unless told ISO-8859-1, and always say which.

With the handbook's example values, the pay direct MAC string is \`${string}\`, and its MAC under
the published test key \`${core.TEST_KEY}\` (KVV \`${core.TEST_KVV}\`) is
\`${core.computeMac('payDirect', example, core.TEST_KEY)}\`.

Formats: \`AN\` any printable characters, \`N\` digits only, with the greatest length.

${Object.values(core.MESSAGES).flatMap(message).join('\n').trimEnd()}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeGenerated(PAGE, renderPage(await loadCore()), 'the core’s field table');
