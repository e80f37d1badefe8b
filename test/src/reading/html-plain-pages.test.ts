// Which pages readPlainForms reads itself and which it leaves to parse5, page by page: a page it
// reads gives exactly readPageForms's answer; a page it leaves gives null (parse5 then reads it).
// Taking the fast path is part of the contract: a log of thousands of answer pages is read at
// parse5's speed otherwise (docs/html-parsing.md).
import { expect } from '@esm-bundle/chai';
import { readPageForms } from '../../../src/reading/html-form.ts';
import { readPlainForms } from '../../../src/reading/html-plain.ts';

const FORM = '<form action="/pay" method="post"><input type="hidden" name="NB_A" value="1"></form>';

/** Pages the plain reader reads, each with why it is plain. */
const READ: ReadonlyArray<readonly [string, string]> = [
  ['a bare input outside any form', '<input name=NB_A value=1>'],
  ['white space of every kind between tags, and around the text of a cell', `\t\n\f\r <table>\n<tr>\t<td> x ${FORM}</td>\f</tr>\r</table> `],
  ['a doctype, html, head with title and meta, body', `<!DOCTYPE html><html><head><title>Svar</title><meta charset="utf-8"></head><body>${FORM}</body></html>`],
  ['a doctype in any case with space around it', `  <!doctype  HTML >${FORM}`],
  ['html and body tags with content after the body ends only as white space', `<html><body>${FORM}</body> \n</html>\n`],
  ['a head alone, then content', `<head><title>t</title></head>${FORM}`],
  ['text before the form, in a paragraph, a span, a label and a heading', `<p>Pay <span>now</span></p><h2>Order</h2><label>x <input name=NB_B value=2></label>${FORM}`],
  ['a void element written self-closing', '<form><input name=NB_A value=1 /><br/></form>'],
  ['the five references in a value', '<form><input type=hidden name=NB_A value="&amp;&quot;&lt;&gt;&apos;&#39;"></form>'],
  ['buttons send nothing, a nameless input nothing', '<form><input name=NB_A value=1><input type=submit name=S value=x><input type=IMAGE name=I><input type=reset><input type=button><input value=n></form>'],
  ['a text input with its type in capitals', '<form><input TYPE=TEXT name=NB_A value=1></form>'],
  ['a hidden _charset_-like name that is not _charset_', '<form><input type=hidden name=_charset value=x></form>'],
  ['a text input named _charset_ (only a hidden one is filled in)', '<form><input name=_charset_ value=x></form>'],
  ['a text input with an ampersand', '<form><input type=text name=NB_A value="a&amp;b"></form>'],
  ['two forms one after the other, and inputs outside both', `<input name=NB_O value=0>${FORM}<div><input name=NB_P value=1></div>${FORM.replace('/pay', '/check')}`],
  ['a form without action or method', '<form><input name=NB_A value=1></form>'],
  ['single-quoted and unquoted values', "<form><input name='NB_A' value='x\"y'><input name=NB_B value=2></form>"],
  ['a table with its sections', '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td><input name=NB_A value=1></td></tr></tbody><tfoot><tr><td></td></tr></tfoot></table>'],
  ['a line break in a hidden input’s value (kept, unlike a text input’s)', '<form><input type=hidden name=NB_A value="a\nb"></form>'],
  ['a page that ends without closing its elements', '<html><body><div><form><input name=NB_A value=1>'],
];

/** Pages left to parse5, each with why. */
const LEFT: ReadonlyArray<readonly [string, string]> = [
  ['a lone surrogate', '<form><input name=NB_A value="\ud800"></form>'],
  ['a NUL', '<form><input name=NB_A value="a\0b"></form>'],
  ['an emoji (a surrogate pair)', '<form><input name=NB_A value="\u{1F600}"></form>'],
  ['text straight in a table', '<table>x<tr><td><input name=NB_A></td></tr></table>'],
  ['text straight in a row', '<table><tr>x<td><input name=NB_A></td></tr></table>'],
  ['text in html before the body', '<html>x<body><input name=NB_A></body></html>'],
  ['text in head', '<head>x</head><input name=NB_A>'],
  ['text after the body ends', `<body>${FORM}</body>x`],
  ['text after html ends', `<html><body>${FORM}</body></html>x`],
  ['an end tag that closes another element than the last opened', '<div><span></div></span><input name=NB_A>'],
  ['an end tag with nothing open', `</div>${FORM}`],
  ['an end tag after </html>', `<html><body>${FORM}</body></html></html>`],
  ['</html> before </body>', `<html>${FORM}</html>`],
  ['a tag after </body>', `<html><body></body><input name=NB_A></html>`],
  ['an end tag after </body> other than </html>', `<html><body><div></div></body></div></html>`],
  ['a broken end tag', `<form><input name=NB_A></form ></form x>`],
  ['a tag that is not plain', `<form><select name=NB_A><option>1</select></form>`],
  ['a start tag that does not end', '<form><input name=NB_A value=1'],
  ['a start tag that is not a tag', '<form>< input name=NB_A></form>'],
  ['an element where it may not be', '<tr><td><input name=NB_A></td></tr>'],
  ['<html> after content', `x<html><body>${FORM}</body></html>`],
  ['<head> after content', `<div></div><head></head>${FORM}`],
  ['<html> after a head', `<head></head><html>${FORM}</html>`],
  ['<body> after content', `<div></div><body>${FORM}</body>`],
  ['<body> after text', `x<body>${FORM}</body>`],
  ['<head> after text', 'x<head></head>'],
  ['</html> with no </body>', '<html><head></head></html>'],
  ['<head> after the body began', `<html><div></div><head></head></html>`],
  ['a div written self-closing', '<div/><input name=NB_A>'],
  ['a title with a tag in it', '<head><title>a<b>c</b></title></head>'],
  ['a title that does not end', '<head><title>abc'],
  ['a title ended by another end tag', '<head><title>a</head>'],
  ['a form in a form, nested in a div', '<form><div><form><input name=NB_A></form></div></form>'],
  ['a disabled input', '<form><input name=NB_A disabled></form>'],
  ['an input owned by another form', '<form id=f></form><input name=NB_A form=f>'],
  ['an input with dirname', '<form><input name=NB_A dirname=d></form>'],
  ['a checkbox', '<form><input type=checkbox name=NB_A></form>'],
  ['a hidden _charset_, which the browser fills in', '<form><input type=hidden name=_CHARSET_ value=x></form>'],
  ['a line break in a text input’s value', '<form><input type=text name=NB_A value="a\nb"></form>'],
  ['a line break in an untyped input’s value', '<form><input name=NB_A value="a\nb"></form>'],
  ['a CR in a value', '<form><input type=hidden name=NB_A value="a\rb"></form>'],
  ['a reference beyond the five', '<form><input name=NB_A value="&nbsp;"></form>'],
  ['an ampersand that is no reference', '<form><input name=NB_A value="a & b"></form>'],
  ['a reference without its semicolon', '<form><input name=NB_A value="&amp"></form>'],
  ['a repeated attribute, in another case', '<form><input name=NB_A NAME=NB_B></form>'],
  ['a comment', '<!-- x --><input name=NB_A>'],
];

describe('readPlainForms: the pages it reads and the pages it leaves to parse5', () => {
  for (const [why, html] of READ) {
    it(`reads ${why}`, () => {
      const plain = readPlainForms(html);
      expect(plain, html).to.not.equal(null);
      expect(plain).to.deep.equal(readPageForms(html));
    });
  }

  for (const [why, html] of LEFT) {
    it(`leaves ${why}`, () => {
      expect(readPlainForms(html), html).to.equal(null);
    });
  }

  it('reads what each form and the controls outside send, where they start', () => {
    const html = `<input name=NB_O value=0>${FORM}<form><input name=NB_B value="a &amp; b"><input type=submit name=S value=x><input name=NB_C></form>`;
    expect(readPlainForms(html)).to.deep.equal({
      forms: [
        { index: 0, action: '/pay', method: 'post', position: 26, entries: [{ name: 'NB_A', value: '1', position: 60 }] },
        {
          index: 1,
          position: 110,
          entries: [
            { name: 'NB_B', value: 'a & b', position: 116 },
            { name: 'NB_C', value: '', position: 185 },
          ],
        },
      ],
      outside: { index: null, position: 1, entries: [{ name: 'NB_O', value: '0', position: 1 }] },
    });
    expect(readPlainForms('<div></div>')).to.deep.equal({ forms: [], outside: null });
    expect(readPlainForms('')).to.deep.equal({ forms: [], outside: null });
  });
});
