// Elements render, the core judges (issue 21): the lint rule for components/ (eslint.config.js)
// refuses an element that compares MACs, KVVs, stamps or amounts, reads the local date to pick a
// key, maps a status to a colour, or imports the core's comparison helpers — and lets the same
// element through when it renders the verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** An element's file: linted with the elements' rules (its text is the snippet, not the file). */
const FILE = 'components/ebet-decoder/ebet-decoder.ts';

async function problems(code) {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: FILE });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

test('the elements’ lint rule refuses judging in an element', async () => {
  const cases = [
    "import { compactHex } from '../../src/protocol/key.ts';\nexport const same = (a: string, b: string) => compactHex(a) + b;",
    "import { keyForDate } from '../../src/protocol/key-ring.ts';\nexport const pick = keyForDate;",
    "import { sameAmount } from '../../src/protocol/amount.ts';\nexport const same = sameAmount;",
    'export const same = (d: { mac: string }, given: string) => given === d.mac;',
    'export const today = () => new Date().getFullYear();',
    "export const colour = (v: { outcome: string }) => (v.outcome === 'verified' ? 'level-ok' : 'level-error');",
    "export const colour = (kvv: { matches: boolean }) => (kvv.matches ? 'ok' : 'error');",
  ];
  for (const code of cases) assert.equal((await problems(code)).length > 0, true, code);
});

test('…and lets an element through that renders the verdict', async () => {
  const code = "import { judgeMessage } from '../../src/verdict/verdict.ts';\nexport const line = (fields: Record<string, string>) => { const v = judgeMessage(fields); return `level-${v.level} ${v.codes.join(' ')}`; };";
  assert.deepEqual(await problems(code), []);
});
