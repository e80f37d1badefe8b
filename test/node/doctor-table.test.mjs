// docs/doctor.md is the doctor's registry rendered (`npm run docs` when this fails).
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE, registry, renderDoctor } from '../../scripts/doctor-table.mjs';

test('docs/doctor.md is what the doctor’s registry renders (run `npm run docs` when this fails)', async () => {
  const causes = await registry();
  assert.ok(causes.length >= 20, 'the registry lists the causes');
  assert.equal(readFileSync(PAGE, 'utf8'), renderDoctor(causes));
});

test('every cause has its section with its example MAC', async () => {
  const causes = await registry();
  const page = renderDoctor(causes);
  for (const cause of causes) {
    assert.ok(page.includes(`## ${cause.code}\n`), cause.code);
    assert.ok(page.includes(`NB_HMAC = ${cause.example.mac}`), cause.code);
  }
});
