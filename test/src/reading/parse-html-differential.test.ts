// Differential test: pasted HTML is read exactly as Chromium submits it. Generated pages (random
// mixes of several forms, disabled controls and fieldsets, textarea, select, checkboxes and
// radios, every input type, named character references and the attribute rules, comments, CDATA,
// template, script and style, nested and misnested forms, form= owners) are loaded as real pages
// (srcdoc iframes: the form element pointer of the tree builder only applies in a browsing
// context, not in DOMParser's documents), and each form's `new FormData(form)` is compared with
// what the core reads. A fixed seed: the same pages on every run.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { readPageForms } from '../../../src/reading/html-form.ts';
import { parseFields } from '../../../src/index.ts';
import { page, PAGE_SEED } from '../../support/html-pages.ts';

const PAGES = 1000;

/**
 * Each form's FormData once the page is parsed in a document of a browsing context (a sandboxed
 * iframe: no script runs), written with document.write so that no navigation is waited for.
 */
function load(frame: HTMLIFrameElement, html: string): Array<Array<[string, string]>> {
  const doc = frame.contentDocument!;
  doc.open();
  doc.write(html);
  doc.close();
  return [...doc.querySelectorAll('form')].map((form) =>
    // A file input with no file: an empty File; a URL-encoded body sends its name, "".
    [...new FormData(form)].map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : value.name]),
  );
}

describe('parseFields on HTML: the same entries as the browser’s FormData', () => {
  it(`agrees with Chromium on ${PAGES} generated pages`, function () {
    this.timeout(120000);
    const samples = fc.sample(page, { numRuns: PAGES, seed: PAGE_SEED });
    let forms = 0;
    let read = 0;
    const differences: Array<{ html: string; core: unknown; browser: unknown }> = [];
    const frame = document.createElement('iframe');
    frame.sandbox.add('allow-same-origin');
    document.body.append(frame);
    for (const html of samples) {
      const expected = load(frame, html);
      const core = readPageForms(html).forms.map((form) => form.entries.map(({ name, value }): [string, string] => [name, value]));
      if (JSON.stringify(core) !== JSON.stringify(expected)) differences.push({ html, core, browser: expected });
      forms += expected.length;
      const result = parseFields(html);
      if (result.form && result.form.index !== null) {
        const entries = result.entries.map(({ name, value }) => [name, value]);
        if (JSON.stringify(entries) !== JSON.stringify(expected[result.form.index])) differences.push({ html, core: entries, browser: expected[result.form.index] });
        read++;
      }
    }
    frame.remove();
    expect(differences.length, JSON.stringify(differences.slice(0, 3), null, 1)).to.equal(0);
    // The pages really hold forms, and many an E-betalning form to read.
    expect(forms).to.be.greaterThan(PAGES);
    expect(read).to.be.greaterThan(PAGES / 5);
  });
});
