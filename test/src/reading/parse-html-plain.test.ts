// The plain-page reader (src/reading/html-plain.ts) against parse5's (src/reading/html-form.ts): on every page it
// reads, the same forms, actions, methods, entries and positions; every other page it leaves to
// parse5. Generated pages nest the tags it knows (and some it does not) with every attribute
// style, character references, CR LF, misnested and missing end tags. A fixed seed.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { readPageForms } from '../../../src/reading/html-form.ts';
import { readPlainForms } from '../../../src/reading/html-plain.ts';
import { parseFields } from '../../../src/index.ts';
import { answerPage } from '../../support/session.ts';

const PAGES = 3000;

const attributeNames = fc.constantFrom('type', 'TYPE', 'name', 'Name', 'value', 'action', 'method', 'id', 'class', 'disabled', 'form', 'dirname', 'lang');
const attributeValues = fc.constantFrom(
  '', 'hidden', 'HIDDEN', 'text', 'submit', 'button', 'checkbox', 'radio', 'email', 'bogus', 'post', 'GET',
  'NB_STAMP', 'NB_DB_AMOUNT', 'nb_lower', ' NB_SPACE ', '_charset_', '899,00', ' SEK', 'https://bank.example/pay',
  'a&amp;b', 'a&b', 'a & b', '&quot;q&quot;', '&lt;&gt;', '&#39;&apos;', '&copy;', 'a&copy=b', '&#229;', 'x"y', "it's", 'x<y>z',
  'line\nbreak', 'cr\r\nlf', 'tab\tin', 'a=b', '\u{1F600}', '\ud800', 'a/',
);
const quoted = (name: string, value: string, quote: string) =>
  quote === 'bare' ? ` ${name}` : quote === ' = "' ? ` ${name} = "${value}"` : ` ${name}=${quote}${value}${quote}`;
const attribute = fc.tuple(attributeNames, attributeValues, fc.constantFrom('"', "'", '', 'bare', ' = "')).map(([name, value, quote]) => quoted(name, value, quote));
const quotes = fc.constantFrom('"', '"', '"', "'", '', ' = "');
/** An input, most often one the plain reader reads. */
const input = fc
  .tuple(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(undefined, 'hidden', 'hidden', 'HIDDEN', 'text', 'submit') }, fc.constantFrom('checkbox', 'bogus')),
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom('NB_STAMP', 'NB_RCV_ID', 'NB_HMAC', 'nb_x', ' NB_SP') }, fc.constantFrom(undefined, '', '_charset_')),
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom('00002', '899,00', ' SEK', 'a&amp;b', '&quot;', 'x y', '') }, attributeValues, fc.constant(undefined)),
    fc.array(quotes, { minLength: 3, maxLength: 3 }),
    fc.oneof({ weight: 6, arbitrary: fc.constant('') }, attribute),
  )
  .map(([type, name, value, q, extra]) =>
    [
      '<input',
      type === undefined ? '' : quoted('type', type, q[0]!),
      name === undefined ? '' : quoted('name', name, q[1]!),
      value === undefined ? '' : quoted('value', value, q[2]!),
      extra,
      '>',
    ].join(''),
  );
/** A start tag with its attributes (an odd one now and then), spelled in any case. */
const open = (tag: string) =>
  fc.tuple(fc.constantFrom(tag, tag, tag.toUpperCase()), fc.oneof({ weight: 4, arbitrary: fc.constant('') }, attribute)).map(([name, attributes]) => `<${name}${attributes}>`);
const close = (tag: string) => fc.constantFrom(`</${tag}>`, `</${tag}>`, `</${tag}>`, `</${tag}>`, `</${tag}>`, `</${tag} >`, `</${tag.toUpperCase()}>`, '');
const element = (tag: string, content: fc.Arbitrary<string>) => fc.tuple(open(tag), content, close(tag)).map((parts) => parts.join(''));
const junk = fc.constantFrom('a < b', '<!-- c -->', '<b>bold</b>', '<select name=NB_S><option>1</select>', '</div>', '<div>', '<form>', '</form>', '<p><div></div></p>', '<input name=NB_Z disabled>', '<tr><td>');
/** What may be in a form or a cell: inputs, text, wrapped inputs, now and then something else. */
const content = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: input },
      { weight: 2, arbitrary: fc.constantFrom('', '\n', ' ', 'text', 'a & b', 'x > y', '&amp;', '\r\n', '<br>', '<br/>', '<title>T</title>', '<meta charset="utf-8">') },
      element('div', input),
      element('p', input),
      element('span', element('label', input)),
      element('h1', input),
      element('table', element('tr', element('td', input))),
      junk,
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''));
const table = element(
  'table',
  fc
    .array(element('tr', fc.array(fc.oneof(element('td', content), element('th', element('form', content)), input), { maxLength: 3 }).map((cells) => cells.join(''))), { maxLength: 3 })
    .map((rows) => rows.join('\n')),
);
const flow = fc
  .array(fc.oneof({ weight: 4, arbitrary: element('form', content) }, { weight: 2, arbitrary: content }, table, element('div', element('form', content)), element('table', element('tbody', element('tr', element('td', element('form', content)))))), { maxLength: 4 })
  .map((parts) => parts.join('\n'));
const page = fc
  .tuple(
    fc.constantFrom('', '<!doctype html>\n', '<!DOCTYPE html>', ' <!doctype html >', 'text '),
    fc.constantFrom('', '<html>', '<html lang="sv"><head><title>Svar</title><meta charset=utf-8></head>\n', '<html><head></head><body>', '<body>'),
    flow,
    fc.constantFrom('', '\n', '</body></html>', '</body>\n</html>\n', ' tail'),
  )
  .map((parts) => parts.join(''));

describe('readPlainForms: what parse5 reads, on the pages it reads', () => {
  it(`agrees with readPageForms on ${PAGES} generated pages`, function () {
    this.timeout(120000);
    let plain = 0;
    let entries = 0;
    const differences: Array<{ html: string; plain: unknown; parse5: unknown }> = [];
    for (const html of fc.sample(page, { numRuns: PAGES, seed: 20261130 })) {
      const fast = readPlainForms(html);
      if (!fast) continue;
      plain++;
      entries += fast.forms.reduce((n, f) => n + f.entries.length, fast.outside?.entries.length ?? 0);
      const slow = readPageForms(html);
      if (JSON.stringify(fast) !== JSON.stringify(slow)) differences.push({ html, plain: fast, parse5: slow });
    }
    expect(differences.length, JSON.stringify(differences.slice(0, 3), null, 1)).to.equal(0);
    // Enough pages are plain, with entries, for the comparison to mean something.
    expect(plain).to.be.greaterThan(PAGES / 10);
    expect(entries).to.be.greaterThan(PAGES / 25);
  });

  it('reads the bank’s answer page and a form of hidden inputs, whole or cut at </form>', () => {
    const answer = answerPage({ NB_VERIFIED: 'YES', NB_RETURN_STAMP: 'S1', NB_RETURN_DB_REF: 'a&b "c" <d>', NB_HMAC: 'ABC' });
    const form = '<form method="post" action="https://bank.example/pay">\n  <input type="hidden" name="NB_STAMP" value="00002">\n  <INPUT TYPE=HIDDEN NAME=NB_RCV_ID VALUE=999999>\n  <input type="submit" value="Pay">\n</form>';
    for (const html of [answer, answer.slice(0, answer.indexOf('</form>') + 7), form, `<html><body><table><tr><td>${form}</td></tr></table></body></html>`, `\r\n${form.replaceAll('\n', '\r\n')}`]) {
      const fast = readPlainForms(html);
      expect(fast, html).to.not.equal(null);
      expect(JSON.stringify(fast)).to.equal(JSON.stringify(readPageForms(html)));
    }
    expect(readPlainForms(answer)!.forms[0]!.entries.find((e) => e.name === 'NB_RETURN_DB_REF')!.value).to.equal('a&b "c" <d>');
  });

  it('leaves to parse5 what it does not read, and parseFields reads it the same', () => {
    const cases = [
      '<form><input name=NB_A value="a&copy;b"></form>', // a named reference beyond the five
      '<form><!-- <input name=NB_B> --><input name=NB_C></form>', // a comment
      '<form><input name=NB_D></form><form><input name=NB_E></form></form>', // a stray end tag
      '<form><form><input name=NB_F></form>', // a form in a form
      '<table><form><input name=NB_G><tr><td><input name=NB_H></td></tr></table>', // a control straight in a table
      '<p><div><input name=NB_I></div></p>', // a block in a paragraph
      '<form><input type=checkbox name=NB_J checked></form>', // another input type
      '<form><input name=NB_K value="a\r\nb" type=hidden></form>', // CR LF in a value
      '<form><input name=NB_L disabled><input name=NB_L2></form>', // a disabled control
      '<form><input name=NB_M name=NB_N></form>', // a duplicate attribute
    ];
    for (const html of cases) {
      expect(readPlainForms(html), html).to.equal(null);
      expect(parseFields(html).entries.length, html).to.be.greaterThan(0);
    }
  });
});
