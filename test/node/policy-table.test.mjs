// The README's policy table is the core's own data rendered (`npm run docs` when this fails).
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtPolicy, currentPolicy, README, renderPolicy } from '../../scripts/policy-table.mjs';

test("the README's policy table is what the core's POLICY renders (run `npm run docs` when this fails)", async () => {
  const policy = await builtPolicy();
  assert.ok(Object.keys(policy).length >= 10, 'the built core exports the policy');
  const current = currentPolicy(readFileSync(README, 'utf8'));
  assert.notEqual(current, null, 'README.md lacks the <!-- policy:start --> / <!-- policy:end --> markers');
  assert.equal(current, renderPolicy(policy));
});

test('every entry says whether the bank is known to do it, and the table shows the unknown ones', async () => {
  const policy = await builtPolicy();
  const table = renderPolicy(policy);
  for (const [code, entry] of Object.entries(policy)) {
    const row = table.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
    assert.ok(row, code);
    assert.equal(row.includes('**unknown**'), !entry.bank.known, code);
  }
});
