// readPageForms against Chromium's own FormData, recorded (test/vectors/chromium-formdata.json, by
// test/support/record-formdata.mjs) for 400 generated pages and 231 written out (every input type's
// value sanitization, select sizes and options, dirname, radio groups, form owners): so the comparison that
// parse-html-differential.test.ts makes live in Chromium holds in Node too, where the mutation
// tests run.
import { expect } from '@esm-bundle/chai';
import type { readPageForms as ReadPageForms } from '../../../src/reading/html-form.ts';
import { parseFields } from '../../../src/index.ts';
import { readVectors } from '../../support/vectors.ts';

interface Recorded {
  readonly chromium: string;
  readonly cases: ReadonlyArray<{ readonly html: string; readonly forms: Array<Array<[string, string]>> }>;
}

/** Loads of html-form.ts, each one afresh. */
let loads = 0;
/** The recording's first pages are generated (`PAGES` in the recorder), the rest written out. */
const GENERATED = 400;

/** The pages whose forms readPageForms reads otherwise than Chromium recorded them. */
async function differences(cases: Recorded['cases']) {
  // The module evaluated afresh, as this test runs: its tables (the input types, the dirname
  // types, the value patterns) are then built by this test too, so a changed table fails it.
  const { readPageForms } = (await import(`../../../src/reading/html-form.ts?load=${++loads}`)) as { readPageForms: typeof ReadPageForms };
  return cases.flatMap(({ html, forms }) => {
    const core = readPageForms(html).forms.map((form) => form.entries.map(({ name, value }) => [name, value]));
    return JSON.stringify(core) === JSON.stringify(forms) ? [] : [{ html, core, chromium: forms }];
  });
}

describe('readPageForms: the entries Chromium’s FormData recorded', () => {
  // The short written-out pages first: a fault most of them show is found without the long generated ones.
  it('reads every form of the 231 written-out pages as Chromium did', async () => {
    const { cases } = await readVectors<Recorded>('chromium-formdata.json');
    expect(cases.length).to.equal(GENERATED + 231);
    const found = await differences(cases.slice(GENERATED));
    expect(found.length, JSON.stringify(found.slice(0, 2), null, 1)).to.equal(0);
  });

  it('reads every form of the 400 generated pages as Chromium did', async () => {
    const { cases } = await readVectors<Recorded>('chromium-formdata.json');
    const found = await differences(cases.slice(0, GENERATED));
    expect(found.length, JSON.stringify(found.slice(0, 2), null, 1)).to.equal(0);
    // The pages hold forms, and entries to compare.
    expect(cases.reduce((n, c) => n + c.forms.length, 0)).to.be.greaterThan(400);
    expect(cases.reduce((n, c) => n + c.forms.reduce((m, f) => m + f.length, 0), 0)).to.be.greaterThan(200);
  });

  it('parseFields reads the E-betalning form it picks as Chromium sent it', async () => {
    const { cases } = await readVectors<Recorded>('chromium-formdata.json');
    let read = 0;
    for (const { html, forms } of cases) {
      const result = parseFields(html);
      if (!result.form || result.form.index === null) continue;
      read++;
      expect(result.entries.map(({ name, value }) => [name, value]), html).to.deep.equal(forms[result.form.index]);
    }
    expect(read).to.be.greaterThan(60);
  });
});
