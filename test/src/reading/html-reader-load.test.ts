// Before the HTML reader (parse5) is there — the standalone core before `await loadHtmlReader()` —
// a page that needs it is not read, and every reader says so with one problem in both languages
// instead of throwing or saying "nothing found"; plain pages are read all the same; loadHtmlReader()
// registers it. The reader is taken away for each test and put back after (other files need it).
import { expect } from '@esm-bundle/chai';
import { readPageForms } from '../../../src/reading/html-form.ts';
import { hasHtmlReader, loadHtmlReader, parseFields, setHtmlReader } from '../../../src/reading/parse.ts';
import { splitMessages } from '../../../src/verdict/decode.ts';
import { extractMessages } from '../../../src/verdict/extract.ts';

const NOT_LOADED = {
  level: 'error',
  code: 'html-reader-not-loaded',
  message: {
    en: 'This HTML needs the full HTML reader (parse5), which is not loaded yet: call await loadHtmlReader() once, then read it again',
    sv: 'Den här HTML-koden behöver den fullständiga HTML-läsaren (parse5), som inte är inläst än: anropa await loadHtmlReader() en gång och läs den sedan igen',
  },
};
/** A receipt's answer page that only parse5 reads (a comment and a select send it there). */
const PAGE = '<form method=post><!-- x --><select name=a><option>1</select><input type=hidden name=NB_RETURN_STAMP value=1><input type=hidden name=NB_VERIFIED value=NO></form>';
const PLAIN = '<form method=post><input type=hidden name=NB_RETURN_STAMP value=2><input type=hidden name=NB_VERIFIED value=NO></form>';

describe('the HTML reader, before and after loadHtmlReader()', () => {
  beforeEach(() => setHtmlReader(undefined as unknown as typeof readPageForms));
  afterEach(() => setHtmlReader(readPageForms));

  it('parseFields: a page that needs parse5 gives the problem and no fields; a plain page is read', () => {
    expect(hasHtmlReader()).to.equal(false);
    const unread = parseFields(PAGE);
    expect([unread.format, unread.entries, unread.problems]).to.deep.equal(['html', [], [NOT_LOADED]]);
    expect(parseFields(PLAIN).fields).to.deep.equal({ NB_RETURN_STAMP: '2', NB_VERIFIED: 'NO' });
  });

  it('extractMessages says it once, where the first such page is, instead of "nothing found"; splitMessages keeps the block', () => {
    const r = extractMessages(`log\n${PAGE}\n${PLAIN}\n${PAGE}`);
    expect(r.messages.map((m) => m.source)).to.deep.equal([{ line: 3 }]);
    expect(r.problems).to.deep.equal([{ ...NOT_LOADED, source: { line: 2 } }]);
    expect(extractMessages(PAGE).problems.map((p) => p.code)).to.deep.equal(['html-reader-not-loaded']);
    const blocks = splitMessages(`${PAGE}\n${PLAIN}`);
    expect(blocks.map((b) => b.parsed.problems.map((p) => p.code))).to.deep.equal([['html-reader-not-loaded'], []]);
  });

  it('loadHtmlReader() registers parse5, once: the page is then read', async () => {
    await loadHtmlReader();
    expect(hasHtmlReader()).to.equal(true);
    expect(parseFields(PAGE).fields).to.deep.equal({ a: '1', NB_RETURN_STAMP: '1', NB_VERIFIED: 'NO' });
    await loadHtmlReader();
    expect(extractMessages(PAGE).problems).to.deep.equal([]);
  });
});
