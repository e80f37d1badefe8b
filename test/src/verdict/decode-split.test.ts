import { expect } from '@esm-bundle/chai';
import '../../../src/index.ts';
import { splitMessages } from '../../../src/verdict/decode.ts';

/** How the decoder splits a paste into messages: each block's position, line, text, fields and problems. */

const B = 'NB_VERIFIED=NO&NB_RETURN_STAMP=7';
const JSON_LINE = '{"NB_VERIFIED":"NO","NB_RETURN_STAMP":"7"}';
const split = (input: string) =>
  splitMessages(input).map((b) => ({ index: b.index, line: b.line ?? null, text: b.text, fields: b.parsed.entries.map((e) => `${e.name}=${e.value}`), problems: b.parsed.problems.map((p) => p.code) }));
const message = (index: number, line: number | null, text: string, fields = ['NB_VERIFIED=NO', 'NB_RETURN_STAMP=7'], problems: string[] = []) => ({ index, line, text, fields, problems });

describe('splitMessages: text', () => {
  it('blocks between blank lines, each at its line; prose between them is dropped', () => {
    expect(split(`intro\n\n${B}\n\nmiddle text\n\n${B}`)).to.deep.equal([message(0, 3, B), message(1, 7, B)]);
    expect(split(`  \n${B}\n\n${B}\n`)).to.deep.equal([message(0, 2, B), message(1, 4, B)]);
  });

  it('CR LF lines: the blank line between is a blank line', () => {
    expect(split(`${B}\r\n\r\n${B}`)).to.deep.equal([message(0, 1, `${B}\r`), message(1, 3, B)]);
  });

  it('a block whose every line is a whole message (a body with two NB_ fields, or a JSON object) gives one per line', () => {
    expect(split(`${JSON_LINE}\n${B}`)).to.deep.equal([message(0, 1, JSON_LINE), message(1, 2, B)]);
  });

  it('a block with a line that is no whole message stays one message: prose, one NB_ field, no "=", no "&"', () => {
    for (const other of ['prose', 'NB_A=1&x=2', 'NB_A NB_B & x', 'NB_A=1 NB_B=2', '{"NB_A":"1"']) {
      const input = `${B}\n${other}`;
      const blocks = split(input);
      expect(blocks.length, other).to.equal(1);
      expect([blocks[0]!.index, blocks[0]!.line, blocks[0]!.text], other).to.deep.equal([0, 1, input]);
    }
  });

  it('a piece without an NB_ field is dropped; binary data is kept, where it is', () => {
    expect(split(`a&b=NB_NB_\n\n${B}\n\n${B}`)).to.deep.equal([message(0, 3, B), message(1, 5, B)]);
    expect(split(`\n\n${B}\n\n\u0000\u0001\u0002\u0003binary\n\n${B}`)).to.deep.equal([
      message(0, 3, B),
      message(1, 5, '\u0000\u0001\u0002\u0003binary', [], ['binary']),
      message(2, 7, B),
    ]);
  });

  it('a lower-case nb_ field makes a piece a message', () => {
    expect(split(`nb_verified=NO&nb_return_stamp=7\n\n${B}`).map((b) => [b.index, b.line])).to.deep.equal([
      [0, 1],
      [1, 3],
    ]);
  });

  it('one piece, or none with a field, is the whole paste as one message', () => {
    expect(split(B)).to.deep.equal([message(0, 1, B)]);
    expect(split(`${B}\n${B}\nprose`).map((b) => [b.index, b.line, b.text])).to.deep.equal([[0, 1, `${B}\n${B}\nprose`]]);
    expect(split('hello\n\nworld').map((b) => [b.index, b.line, b.text])).to.deep.equal([[0, 1, 'hello\n\nworld']]);
  });

  it('a devtools command (curl, fetch) is one message, blank lines and all', () => {
    for (const command of [`curl 'https://x' --data '${B}'\n\n${B}`, `CURL 'https://x'\n\n${B}`, `await fetch ("x", {body: "${B}"})\n\n${B}`]) {
      expect(split(command).map((b) => [b.index, b.line, b.text]), command).to.deep.equal([[0, 1, command]]);
    }
    // A word merely ending in "fetch" is no call.
    expect(split(`prefetch("x")\n\n${B}\n\n${B}`).length).to.equal(2);
  });
});

describe('splitMessages: JSON arrays', () => {
  it('an array of objects of fields: one message per object, without lines', () => {
    expect(split('[{"NB_VERIFIED":"NO"},{"NB_RETURN_STAMP":"8"}]')).to.deep.equal([
      message(0, null, '{"NB_VERIFIED":"NO"}', ['NB_VERIFIED=NO']),
      message(1, null, '{"NB_RETURN_STAMP":"8"}', ['NB_RETURN_STAMP=8']),
    ]);
    expect(split('  [{"name":"NB_VERIFIED","value":"NO"},{"NB_RETURN_STAMP":"8"}]  ').map((b) => b.text)).to.deep.equal(['{"name":"NB_VERIFIED","value":"NO"}', '{"NB_RETURN_STAMP":"8"}']);
  });

  it('an empty array, one of other values, a null or a list among the objects, or broken JSON: one message, the parser’s word on it', () => {
    for (const input of ['[]', '[1,2]', '[{"NB_VERIFIED":"NO"}, null]', '[{"NB_VERIFIED":"NO"}, [1]]', '[{"NB_VERIFIED":"NO"},', '[{"name":"NB_VERIFIED","value":"NO"}]']) {
      const blocks = split(input);
      expect([blocks.length, blocks[0]!.line, blocks[0]!.text], input).to.deep.equal([1, 1, input]);
    }
    expect(split('[1,2]')[0]!.problems).to.deep.equal(['json-shape']);
    expect(split('[{"name":"NB_VERIFIED","value":"NO"}]')[0]!.fields).to.deep.equal(['NB_VERIFIED=NO']);
  });

  it('an object nested deeper than JSON.stringify goes is read as parsed, its nested values shown empty', function () {
    const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
    // Node's JSON.stringify runs out of stack here; Chromium's goes deeper (this path is then Node's only).
    let overflows = false;
    try {
      JSON.stringify(JSON.parse(deep));
    } catch (error) {
      overflows = error instanceof RangeError;
    }
    if (!overflows) this.skip();
    const blocks = split(`[{"NB_VERIFIED":"NO","x":${deep},"y":{"a":${deep}},"NB_RETURN_STAMP":"7"}]`);
    expect(blocks.map((b) => [b.index, b.line, b.text])).to.deep.equal([[0, null, '{"NB_VERIFIED":"NO","x":[],"y":{},"NB_RETURN_STAMP":"7"}']]);
    expect(blocks[0]!.fields.filter((f) => f.startsWith('NB_'))).to.deep.equal(['NB_VERIFIED=NO', 'NB_RETURN_STAMP=7']);
  });
});

describe('splitMessages: HTML', () => {
  const form = (name: string, value: string) => `<form><input name=${name} value=${value}></form>`;

  it('several forms: one message each, from its <form to the next', () => {
    const input = `${form('NB_VERIFIED', 'NO')}\n${form('NB_RETURN_STAMP', '8')}`;
    expect(split(input)).to.deep.equal([
      message(0, 1, `${form('NB_VERIFIED', 'NO')}\n`, ['NB_VERIFIED=NO'], ['form-method']),
      message(1, 2, form('NB_RETURN_STAMP', '8'), ['NB_RETURN_STAMP=8'], ['form-method']),
    ]);
  });

  it('several pages: split at <html, or at <!doctype in any case, not at their forms; what comes before the first belongs to it', () => {
    const page = (doctype: string, name: string, value: string) => `${doctype}<html><body>${form(name, value)}${form('NB_PAID', '1')}</body></html>`;
    const pages = `\n${page('', 'NB_VERIFIED', 'NO')}\n\n${page('', 'NB_RETURN_STAMP', '8')}`;
    expect(split(pages).map((b) => [b.index, b.line, b.text])).to.deep.equal([
      [0, 1, `\n${page('', 'NB_VERIFIED', 'NO')}\n\n`],
      [1, 4, page('', 'NB_RETURN_STAMP', '8')],
    ]);
    const doctypes = `${page('<!doctype html>', 'NB_VERIFIED', 'NO')}\n${page('<!DOCTYPE html>', 'NB_RETURN_STAMP', '8')}`;
    expect(split(doctypes).map((b) => [b.index, b.line, b.text])).to.deep.equal([
      [0, 1, `${page('<!doctype html>', 'NB_VERIFIED', 'NO')}\n`],
      [1, 2, page('<!DOCTYPE html>', 'NB_RETURN_STAMP', '8')],
    ]);
  });

  it('one page with blank lines is one message; a table or inputs alone are HTML too', () => {
    const page = `<table>\n\n<tr><td>x</td></tr></table>\n\n<input name=NB_VERIFIED value=NO>\n\n<input name=NB_RETURN_STAMP value=7>`;
    expect(split(page).map((b) => [b.index, b.line, b.text])).to.deep.equal([[0, 1, page]]);
    const inputs = `< input name=NB_VERIFIED value=NO>\n\n<input name=NB_RETURN_STAMP value=7>`;
    expect(split(inputs).map((b) => [b.index, b.text])).to.deep.equal([[0, inputs]]);
  });
});
