import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { parseFields, type ParseResult } from '../../../src/index.ts';
import { itWithDom } from '../../support/dom.ts';

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

  itWithDom('reads the same fields as the browser’s own DOMParser does', () => {
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

  it('reads a JSON object’s members as JSON.parse and Object.entries give them (array indices first, a repeated name in its first place with its last value)', () => {
    const name = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('NB_STAMP', '0', '1', '10', '01', '4294967294', '4294967295', '__proto__', 'toString', 'a"b\\c'));
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom({}, [1], { a: 'b' }));
    const space = fc.constantFrom('', ' ', '\n  ', '\t');
    const object = fc.tuple(fc.array(fc.tuple(name, value, space), { minLength: 1, maxLength: 8 }), space).map(
      ([members, s]) => `{${s}${members.map(([n, v, t]) => `${JSON.stringify(n)}${t}:${s}${JSON.stringify(v)}`).join(`,${s}`)}${s}}`,
    );
    fc.assert(
      fc.property(object, (json) => {
        const expected = Object.entries(JSON.parse(json) as Record<string, unknown>)
          .filter(([, v]) => v === null || typeof v !== 'object')
          .map(([n, v]) => ({ name: n, value: v === null ? '' : String(v) }));
        expect(parseFields(json).entries, json).to.deep.equal(expected);
      }),
      { numRuns: 1000, seed: 15 },
    );
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

describe('parseFields: which form of a page is read', () => {
  const page = `<form action="/search" method=get><input name=q value=shoes><input type=password name=password value=secret></form>
    <form action="https://bank.example/pay" method=POST><input type=hidden name=NB_STAMP value=1><input type=hidden name=NB_RCV_ID value=2></form>`;

  it('reads the form that sends NB_ fields, reports its action and method, and lists the others without merging them', () => {
    const r = parseFields(page);
    expect(r.entries).to.deep.equal([
      { name: 'NB_STAMP', value: '1' },
      { name: 'NB_RCV_ID', value: '2' },
    ]);
    expect([r.action, r.method]).to.deep.equal(['https://bank.example/pay', 'post']);
    expect(r.form).to.deep.include({ index: 1, action: 'https://bank.example/pay', method: 'post', names: ['NB_STAMP', 'NB_RCV_ID'] });
    expect(r.otherForms).to.deep.equal([{ index: 0, action: '/search', method: 'get', names: ['q', 'password'], position: 1 }]);
    const note = r.problems.find((p) => p.code === 'other-forms')!;
    expect(note.level).to.equal('info');
    expect(note.message.en).to.contain('q, password');
  });

  it('says when a page has no E-betalning form, and lists the forms it found', () => {
    const r = parseFields(page.slice(0, page.indexOf('</form>') + 7));
    expect(r.entries).to.deep.equal([]);
    const error = r.problems.find((p) => p.code === 'no-ebet-form')!;
    expect(error.level).to.equal('error');
    expect(error.message.en).to.equal('This page has no E-betalning form (none sends an NB_ field); it has form 1 at position 1 (method get action="/search"; q, password)');
    expect(error.message.sv).to.contain('Sidan har inget E-betalningsformulär');
  });

  it('reads inputs outside any form when they are the ones with NB_ fields', () => {
    const r = parseFields('<form><input name=q></form><input type=hidden name=NB_STAMP value=7>');
    expect(r.entries).to.deep.equal([{ name: 'NB_STAMP', value: '7' }]);
    expect(r.form!.index).to.equal(null);
    expect(r.action).to.equal(undefined);
  });

  it('gives a control to the form that was open when it was parsed, or to the one its form= names', () => {
    expect(parseFields('<table><form method=post><tr><td><input name=NB_STAMP value=1></td></tr></form></table>').fields).to.deep.equal({ NB_STAMP: '1' });
    const r = parseFields('<form id=pay method=post><input name=NB_STAMP value=1></form><input name=NB_RCV_ID value=2 form=pay><input name=NB_PAID value=3 form=nowhere>');
    expect(r.entries.map((e) => e.name)).to.deep.equal(['NB_STAMP', 'NB_RCV_ID']);
  });

  it('sends what the browser sends: no disabled, unchecked or button fields; textarea, select and checkbox defaults', () => {
    const r = parseFields(`<form method=post>
      <input name=NB_STAMP value=first disabled><input name=NB_STAMP value=second>
      <fieldset disabled><input name=NB_X value=off><legend>kept</legend></fieldset>
      <input type=checkbox name=NB_BOX checked><input type=checkbox name=NB_OFF>
      <textarea name=NB_TEXT>\nline 1\r\nline 2</textarea>
      <select name=NB_PICK><option>a<option selected>b</select><select name=NB_FIRST><option disabled>x<option> y  z </select>
      <input name=NB_LINE value="a&#10;b"><button name=NB_BUTTON value=1>Pay</button><input type=submit name=NB_SUBMIT value=Pay>
    </form>`);
    const sent = r.entries.map(({ name, value }) => `${name}=${value}`);
    expect(sent).to.deep.equal(['NB_STAMP=second', 'NB_BOX=on', 'NB_TEXT=line 1\nline 2', 'NB_PICK=b', 'NB_FIRST=y z', 'NB_LINE=ab']);
  });
});

describe('parseFields: hostile HTML is read, never run', () => {
  afterEach(() => {
    delete (globalThis as unknown as Record<string, unknown>).__pwned;
  });

  itWithDom('executes nothing from script tags, event handlers, javascript: URLs or SVG', async () => {
    const hostile = `<script>window.__pwned = 1</script>
      <img src=x onerror="window.__pwned = 2">
      <svg onload="window.__pwned = 3"><script>window.__pwned = 4</script></svg>
      <form action="javascript:window.__pwned=5"><input name="NB_STAMP" value="<script>window.__pwned=6</script>" onfocus="window.__pwned=7" autofocus>
      <iframe src="javascript:parent.__pwned=8"></iframe><input name=NB_PAID value="x"><b>unclosed`;
    const r = parseFields(hostile);
    // A control that does run: a broken image's error event. Once it fired, any handler the paste could have planted would have too.
    await new Promise((resolve) => {
      const probe = new Image();
      probe.addEventListener('error', resolve, { once: true });
      probe.src = 'data:image/png;base64,broken';
    });
    expect((window as unknown as Record<string, unknown>).__pwned).to.equal(undefined);
    expect(r.fields).to.deep.equal({ NB_STAMP: '<script>window.__pwned=6</script>', NB_PAID: 'x' });
    expect(r.action).to.equal('javascript:window.__pwned=5');
  });

  it('ignores inputs inside script, style and comments', () => {
    const r = parseFields('<script>"<input name=NB_STAMP value=fake>"</script><style><input name=NB_X></style><!-- <input name=NB_Y> --><input name=NB_RCV_ID value=1>');
    expect(r.entries).to.deep.equal([{ name: 'NB_RCV_ID', value: '1' }]);
  });

  it('decodes character references the way HTML does', () => {
    const r = parseFields('<input name=NB_STAMP value="&lt;&gt;&amp;&quot;&#39;&#x41;&aring;&unknown;&szlig;&hellip;&not;&notit;&amp=">');
    // In an attribute, a reference without ; followed by a letter, digit or = stays as written.
    expect(r.fields.NB_STAMP).to.equal(`<>&"'Aå&unknown;ß…¬&notit;&amp=`);
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
