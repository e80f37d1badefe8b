import { expect } from '@open-wc/testing';
import { parseFields, type ParseResult } from '../../src/index.ts';
import { decodeEntities } from '../../src/parse.ts';

const codes = (r: ParseResult) => r.problems.map((p) => p.code);

describe('parseFields: every input form', () => {
  it('reads the handbook’s own HTML, with upper-case tags and VALUE= "" spacing', () => {
    const r = parseFields(`<FORM METHOD=POST ACTION="https://bank.example/pay">
      <INPUT TYPE=HIDDEN NAME="NB_VERSION" VALUE="0002">
      <INPUT TYPE=HIDDEN NAME="NB_RETURN_DB_CUR" VALUE=" SEK">
      <INPUT TYPE=HIDDEN NAME="NB_RETURN_DB_AMOUNT" VALUE= "">
      <input type='hidden' name='NB_STAMP' value='a&amp;b &quot;c&quot; &#229;&#xE4;&ouml;'>
      <input type=hidden name=NB_DB_REF value=123450>
      <input type="submit" name="go" value="Pay">
    </FORM>`);
    expect(r.format).to.equal('html');
    expect(r.action).to.equal('https://bank.example/pay');
    expect(r.method).to.equal('post');
    expect(r.entries).to.deep.equal([
      { name: 'NB_VERSION', value: '0002' },
      { name: 'NB_RETURN_DB_CUR', value: ' SEK' },
      { name: 'NB_RETURN_DB_AMOUNT', value: '' },
      { name: 'NB_STAMP', value: 'a&b "c" åäö' },
      { name: 'NB_DB_REF', value: '123450' },
    ]);
    expect(r.problems).to.deep.equal([]);
  });

  it('reads the same fields as the browser’s own DOMParser does', () => {
    const html = `<table><tr><td>Status</td></tr></table><form><input type=hidden name=NB_VERIFIED value=YES>
      <input name="NB_RETURN_STAMP" value='x"y'><!-- <input name=NB_PAID value=commented> -->
      <input name=NB_PAID value="2026&nbsp;11"></form>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const expected = [...doc.querySelectorAll('input')].map((i) => ({ name: i.name, value: i.value }));
    expect(parseFields(html).entries).to.deep.equal(expected);
  });

  it('reports a form posted with GET', () => {
    expect(codes(parseFields('<form method="get"><input name="NB_STAMP" value="1"></form>'))).to.include('form-method');
  });

  it('reads a URL-encoded body: + is a space, %XX a UTF-8 byte', () => {
    const r = parseFields('NB_RETURN_STAMP=A+1&NB_RETURN_DB_AMOUNT=550%2C00&NB_RETURN_DB_CUR=+SEK&NB_STAMP=%C3%A5%26');
    expect(r.format).to.equal('urlencoded');
    expect(r.fields).to.deep.equal({ NB_RETURN_STAMP: 'A 1', NB_RETURN_DB_AMOUNT: '550,00', NB_RETURN_DB_CUR: ' SEK', NB_STAMP: 'å&' });
  });

  it('reads percent-escapes that are not UTF-8 as ISO-8859-1, and says so', () => {
    const r = parseFields('NB_STAMP=%E5sa&NB_RCV_ID=1');
    expect(r.fields.NB_STAMP).to.equal('åsa');
    expect(codes(r)).to.include('latin1-escapes');
  });

  it('reads a query string from a full URL and skips a log line’s prefix', () => {
    expect(parseFields('https://shop.example/return.html?NB_RETURN_STAMP=1&NB_PAID=2').fields).to.deep.equal({ NB_RETURN_STAMP: '1', NB_PAID: '2' });
    const r = parseFields('2026-11-23 10:00 POST /return body: NB_RETURN_STAMP=1&NB_PAID=2');
    expect(r.fields).to.deep.equal({ NB_RETURN_STAMP: '1', NB_PAID: '2' });
    expect(codes(r)).to.include('leading-text');
  });

  it('reports a broken percent-escape with its field and position', () => {
    const r = parseFields('NB_STAMP=1&NB_DB_AMOUNT=100%');
    const p = r.problems.find((x) => x.code === 'bad-escape')!;
    expect(p.field).to.equal('NB_DB_AMOUNT');
    expect(p.position).to.equal(12);
    expect(p.message.en).to.match(/write a literal % as %25/);
  });

  it('reads NAME=value and NAME: value lines, keeping values exact', () => {
    const r = parseFields('NB_VERIFIED=YES\r\nNB_RETURN_DB_CUR= SEK\n# a comment\nNB_PAID: 20261123\nNB_RETURN_STAMP:  two spaces');
    expect(r.format).to.equal('lines');
    expect(r.entries).to.deep.equal([
      { name: 'NB_VERIFIED', value: 'YES' },
      { name: 'NB_RETURN_DB_CUR', value: ' SEK' },
      { name: 'NB_PAID', value: '20261123' },
      { name: 'NB_RETURN_STAMP', value: ' two spaces' },
    ]);
  });

  it('reads JSON objects and lists, and warns when a value is a number', () => {
    const r = parseFields('{"NB_DB_AMOUNT": 899, "NB_STAMP": "00002", "NB_X": null}');
    expect(r.format).to.equal('json');
    expect(r.fields).to.deep.equal({ NB_DB_AMOUNT: '899', NB_STAMP: '00002', NB_X: '' });
    expect(r.problems.find((p) => p.code === 'json-not-string')!.field).to.equal('NB_DB_AMOUNT');
    expect(parseFields('[{"name":"NB_STAMP","value":"1"},{"name":"NB_STAMP","value":"2"}]').duplicates).to.deep.equal(['NB_STAMP']);
  });

  it('reports broken JSON with a position', () => {
    const r = parseFields('{"NB_STAMP": "1",}');
    expect(codes(r)).to.deep.equal(['bad-json']);
    expect(r.problems[0]!.message.en).to.match(/not valid JSON/);
  });

  it('reads a devtools “copy as cURL” command', () => {
    const r = parseFields(`curl 'https://shop.example/return.html' \\
  -H 'content-type: application/x-www-form-urlencoded' \\
  --data-raw 'NB_RETURN_STAMP=A1&NB_RETURN_DB_AMOUNT=550%2C00&NB_RETURN_DB_CUR=+SEK'`);
    expect(r.format).to.equal('curl');
    expect(r.fields).to.deep.equal({ NB_RETURN_STAMP: 'A1', NB_RETURN_DB_AMOUNT: '550,00', NB_RETURN_DB_CUR: ' SEK' });
  });

  it('reads a devtools “copy as fetch” call', () => {
    const r = parseFields(`fetch("https://shop.example/return.html", {
  "headers": { "content-type": "application/x-www-form-urlencoded" },
  "body": "NB_RETURN_STAMP=A1&NB_PAID=20261123%3A1",
  "method": "POST"
});`);
    expect(r.format).to.equal('fetch');
    expect(r.fields).to.deep.equal({ NB_RETURN_STAMP: 'A1', NB_PAID: '20261123:1' });
  });

  it('reports duplicates and unknown fields, with a “did you mean”', () => {
    const r = parseFields('NB_STAMP=1&NB_STAMP=2&nb_rcv_id=3&FOO=4');
    expect(r.duplicates).to.deep.equal(['NB_STAMP']);
    expect(r.fields.NB_STAMP).to.equal('1');
    expect(r.unknown).to.deep.equal(['nb_rcv_id', 'FOO']);
    expect(r.problems.find((p) => p.field === 'nb_rcv_id')!.message.en).to.match(/did you mean NB_RCV_ID\?/);
  });

  it('reports empty, binary and “Not Found” input instead of throwing', () => {
    expect(codes(parseFields(''))).to.deep.equal(['empty']);
    expect(codes(parseFields('  \n '))).to.deep.equal(['empty']);
    expect(codes(parseFields('PK\u0003\u0004binary'))).to.deep.equal(['binary']);
    expect(codes(parseFields('Not Found'))).to.deep.equal(['not-found']);
    expect(codes(parseFields('<p>hello</p><form method=post></form>'))).to.deep.equal(['no-fields']);
  });

  it('reads 1 MB of input without trouble', () => {
    const big = Array.from({ length: 20000 }, (_, i) => `NB_RETURN_BB_REF1=${'x'.repeat(40)}${i}`).join('&');
    const r = parseFields(big);
    expect(r.entries.length).to.equal(20000);
    expect(big.length).to.be.greaterThan(1_000_000);
  });
});

describe('parseFields: hostile HTML is read, never run', () => {
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>).__pwned;
  });

  it('executes nothing from script tags, event handlers, javascript: URLs or SVG', async () => {
    const hostile = `<script>window.__pwned = 1</script>
      <img src=x onerror="window.__pwned = 2">
      <svg onload="window.__pwned = 3"><script>window.__pwned = 4</script></svg>
      <form action="javascript:window.__pwned=5"><input name="NB_STAMP" value="<script>window.__pwned=6</script>" onfocus="window.__pwned=7" autofocus>
      <iframe src="javascript:parent.__pwned=8"></iframe><input name=NB_PAID value="x"><b>unclosed`;
    const r = parseFields(hostile);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(undefined);
    expect(r.fields).to.deep.equal({ NB_STAMP: '<script>window.__pwned=6</script>', NB_PAID: 'x' });
    expect(r.action).to.equal('javascript:window.__pwned=5');
  });

  it('ignores inputs inside script, style and comments', () => {
    const r = parseFields('<script>"<input name=NB_STAMP value=fake>"</script><style><input name=NB_X></style><!-- <input name=NB_Y> --><input name=NB_RCV_ID value=1>');
    expect(r.entries).to.deep.equal([{ name: 'NB_RCV_ID', value: '1' }]);
  });

  it('decodes character references the way HTML does', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&#39;&#x41;&aring;&unknown;')).to.equal(`<>&"'Aå&unknown;`);
  });
});

describe('parseFields: where broken JSON breaks', () => {
  const cases: Array<[string, number]> = [
    ['{"NB_STAMP": "1",}', 18],
    ['{"NB_STAMP" "1"}', 13],
    ['{"NB_STAMP": 01}', 15],
    ['{"NB_STAMP": "1"', 16],
    ['[{"name": "NB_STAMP", "value": tru}]', 35],
  ];
  for (const [input, position] of cases) {
    it(`${input} → position ${position}`, () => {
      const problem = parseFields(input).problems[0]!;
      expect(problem.code).to.equal('bad-json');
      expect(problem.position).to.equal(position);
      expect(() => JSON.parse(input)).to.throw();
    });
  }
});

describe('parseFields: many duplicates', () => {
  it('tallies thousands of duplicates in linear time and keeps the warning short', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `NB_RETURN_STAMP=${i}\nNB_PAID=${i}`).join('\n');
    const r = parseFields(lines);
    expect(r.entries.length).to.equal(10000);
    const warning = r.problems.find((p) => p.field === 'NB_PAID')!;
    expect(warning.message.en).to.equal('NB_PAID appears 5000 times ("0", "1", "2" and 4997 more); the first is used — remove the others');
  });
});
