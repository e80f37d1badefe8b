// Records Chromium's FormData for a sample of the generated pages into
// test/vectors/chromium-formdata.json, the oracle test/src/reading/html-form-recorded.test.ts checks the
// core against in Node (where there is no browser). Run it again when the page generator or
// Chromium changes: `npx tsx test/support/record-formdata.mjs` (tsx: it imports the TypeScript page generator).
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args.mjs';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { page, PAGE_SEED } from './html-pages.ts';

const PAGES = 400;
/** One control per form, each value sanitized by its type as the standard says (dates, weeks, colours, e-mail, ranges…). */
const VALUES = {
  date: ['2026-02-28', '2026-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01', '2026-1-01', ' 2026-01-01', '2026-12-31', '2026-01-00', '2026-11-30', '2026-01-15', '2026-11-01', '2026-01-15x', 'x2026-01-15'],
  month: ['2026-11', '2026-13', '2026-00', '0000-05', '2026-1', '2026-12', '2026-01', '2026-11x', 'x2026-11'],
  week: ['2026-W53', '2020-W53', '2015-W53', '2016-W52', '2026-W00', '2026-W01', '0000-W01', '2026-W5', '2004-W53', '2032-W53', '2009-W53', '2026-W52', '2025-W53', '2024-W53', '2026-W54', '2026-W10x', 'x2026-W10'],
  time: ['10:00', '10:00:00', '10:00:30.5', '10:00:00.500', '24:00', '23:59:59.999', '10:60', '1:00', '10:00:00.1234', '00:00:00.000', '10:00x', 'x10:00', '23:00', '19:45:30'],
  'datetime-local': ['2026-11-23T10:00', '2026-11-23 10:00:00', '2026-11-23T10:00:30.120', '2026-11-23T10:00:00.000', '2026-02-30T10:00', '2026-11-23', 'T10:00', '2026-11-23T25:00', '2026-11-23T10:00:07', '2026-11-23T10:00:30.105', '2026-11-23T10:00T5', '2026-11-23t10:00', '2026-11-23 10:00 ', '2026-11-23T'],
  // Not '#abc', 'red' or '#aabbccdd': Chromium reads a colour input's value as any CSS colour, the core
  // only as the standard's simple colour (#rrggbb), and sends #000000 for the others.
  color: ['#AABBcc', '#aabbc', '#aabbccx', '', '#000000', '#FFFFFF', 'x#aabbcc'],
  email: [' a@b.se ', ' a@b.se , c@d.se ,', 'a\nb@c.se', ''],
  url: ['  https://x.se/ ', 'https://x.se/  ', 'https://x.se/a b', '\thttps://x.se/\t', 'https://x.se/\npath', ''],
  search: ['a\nb', ' a '],
  tel: ['a\r\nb', ' 1 '],
  password: ['a\nb'],
  text: ['a\nb', 'a\r\nb'],
  number: ['1e3', '1.', '-.5', '+1', '42', ' 42', '0x10', 'Infinity', '1e999', '', '1.25', '.25', '1e+3', '1e-3', '1e10', '-1.5', '12'],
};
const targeted = [];
for (const [type, values] of Object.entries(VALUES)) {
  for (const value of values) targeted.push(`<form><input type=${type} name=v value="${value.replace(/"/g, '&quot;')}"></form>`);
  targeted.push(`<form><input type=${type} name=multiple multiple value=" a@b.se , c@d.se "></form>`);
}
for (const range of [['0', '10', '3', '7'], ['0', '10', '3', '11'], ['0', '10', '3', '-5'], ['0', '10', 'any', '7.3'], ['0', '10', '0', '7'], ['', '', '', ''], ['5', '1', '', ''], ['-5', '', '2', '0'], ['0', '100', '2', '51'], ['0', '10', '0.5', '7.3'], ['', '', '', '300'], ['', '', 'ANY', '7.3'], ['2', '', '5', ''], ['', '20', '', 'x'], ['', '', '', '50'], ['1', '', '2', '4'], ['', '', '5', '7'], ['0', '10', '4', '10'], ['', '', '10', '-3'], [' 5', '', '', '1'], ['0', '0x10', '', '12']]) {
  const [min, max, step, value] = range;
  const attr = (name, v) => (v === '' ? '' : ` ${name}="${v}"`);
  targeted.push(`<form><input type=range name=r${attr('min', min)}${attr('max', max)}${attr('step', step)}${attr('value', value)}></form>`);
}
for (const select of [
  '<select name=s><option>a<option>b</select>',
  '<select name=s size=2><option>a<option>b</select>',
  '<select name=s size=" 1"><option>a<option>b</select>',
  '<select name=s size="+1"><option>a<option>b</select>',
  '<select name=s size="x"><option>a<option>b</select>',
  '<select name=s size="10"><option>a<option>b</select>',
  '<select name=s size="0"><option>a<option>b</select>',
  '<select name=s><option disabled>a<option>b</select>',
  '<select name=s><optgroup label=g disabled><option>a</optgroup><option>b</select>',
  '<select name=s><optgroup label=g><option>a</optgroup><option>b</select>',
  '<select name=s multiple><option selected>a<option selected>b<option>c</select>',
  '<select name=s><option selected>a<option selected>b</select>',
  '<select name=s><option> One <b>two</b>\n three </option></select>',
  '<select name=s><option><!-- c -->x<script>y</script></option></select>',
  '<select name=s><option value=""></option></select>',
  '<select name=s><div><option>in div</option></div></select>',
  '<select name=s></select>',
  '<select name=s size="x2"><option>a<option>b</select>',
  '<select name=s><optgroup label=g><script></script><option>a</optgroup></select>',
  '<select name=s><option>a<!-- c -->b</option></select>',
]) targeted.push(`<form>${select}</form>`);
for (const dir of ['ltr', 'rtl', 'auto', 'RTL', 'bogus']) {
  for (const value of ['abc', 'שלום', '123 שלום', '']) targeted.push(`<form><input name=t dirname=t.dir dir=${dir} value="${value}"><textarea name=a dirname=a.dir dir=${dir}>${value}</textarea></form>`);
}
targeted.push('<div dir=rtl><form><input name=t dirname=t.dir dir=ltr value=x><input name=u dirname=u.dir dir=LTR value=x></form></div>');
targeted.push('<form><input name=t dirname=t.dir dir=auto value="abc שלום"><input type=submit name=s dirname=s.dir dir=auto value="שלום"><input type=submit name=u dirname=u.dir dir=auto><div dir=rtl><input type=submit name=v dirname=v.dir dir=auto value="1 abc"></div></form>');
for (const type of ['search', 'tel', 'url', 'email', 'password', 'hidden', 'number', 'checkbox']) targeted.push(`<form dir=rtl><input type=${type} name=t dirname=t.dir value=1 checked></form>`);
targeted.push('<form dir=rtl><input type=tel name=a dirname=a.dir dir=rtl value=1><input type=tel name=b dirname=b.dir dir=auto value="שלום"><input type=tel name=c dirname=c.dir dir=bogus value=1><div dir=rtl><input type=tel name=d dirname=d.dir value=1><input type=tel name=e dirname=e.dir dir="" value=1><textarea name=f dirname=f.dir type=tel>1</textarea></div></form>');
targeted.push('<form><div dir=rtl><span><input type=tel name=g dirname=g.dir dir=bogus value=1></span><input type=submit name=u dirname=u.dir dir=auto><input name=t dirname=t.dir dir=auto value="123"><input name=e dirname=e.dir dir=auto></div></form>');
targeted.push('<div dir=rtl><form><input type=tel name=i dirname=i.dir dir=bogus value=1><input name=j dirname=j.dir dir=bogus value=1><span dir=bogus><input type=tel name=k dirname=k.dir dir=bogus value=1></span></form></div>');
targeted.push('<form><input type=reset name=r value=1><input type=button name=b value=2><input type=submit name=s value=3><input type=image name=i value=4><button name=c value=5>c</button></form>');
targeted.push('<form><input name=t dirname=t.dir value=x></form><div dir=rtl><form><input name=t dirname=t.dir value=x></form></div>');
for (const radios of [
  '<input type=radio name=r value=1 checked><input type=radio name=r value=2 checked>',
  '<input type=radio name=r value=1 checked form=f><input type=radio name=r value=2 checked>',
  '<input type=radio name=r checked value=1 form=f><input type=radio name=r value=2 checked>',
  '<input type=radio name="" value=1 checked><input type=radio name="" value=2 checked>',
  '<input type=radio value=1 checked><input type=radio value=2 checked>',
  '<input type=radio name=r value=1 checked><input type=radio name=R value=2 checked>',
  '<input type=checkbox name=c checked><input type=checkbox name=c value=x checked><input type=checkbox name=c>',
  '<input type=radio name=r value=1 checked><input type=checkbox name=r value=2 checked>',
  '<input type=radio name=r value=1 checked><input name=r value=t>',
  '<input type=radio name=r value=1 checked><input type=radio name=r value=2 checked><input type=radio name=r value=3 checked><input type=radio name=r value=4>',
  '<table><tr><td><input type=radio name=r value=1 checked></td></tr><input type=radio name=r value=2 checked></table>',
  '<table><tr><td><input type=radio name=r value=1 checked><input type=radio name=r value=2 checked></td></tr><input type=radio name=r value=3></table>',
]) targeted.push(`<form id=f>${radios}</form>`);
for (const owned of [
  '<form id=a></form><input name=x value=1 form=a>',
  '<form id=a><input name=x value=1 form=b></form><form id=b></form>',
  '<form id=a><input name=x value=1 form=""></form>',
  '<form id=a><input name=x value=1 form=nowhere></form>',
  '<div id=a></div><form><input name=x value=1 form=a></form>',
  '<form><input name=x value=1 form=b></form><svg><form id=b></form></svg>',
  '<form id=a><fieldset disabled><legend><input name=x value=1></legend><input name=y value=2></fieldset></form>',
  '<form id=a><template><input name=x value=1></template><input name=y value=2></form>',
  '<form id=a><svg><input name=x value=1></svg><input name=y value=2></form>',
  '<form id=a><input name=x value=1><button name=b value=2>b</button><input type=image name=i value=3><input type=file name=f value=z></form>',
  '<form id=a><input type=radio name=r value=1 checked><input type=radio name=r value=2 form=b checked></form><form id=b></form>',
  '<form id=a><input type=radio name=r value=1 checked><input type=radio name=r value=2 checked form=b></form><form id=b></form>',
  '<form id=a><svg><fieldset disabled><foreignObject><input name=x value=1></foreignObject></fieldset></svg><input name=y value=2></form>',
  '<table><form id=a><tr><td><input name=x value=1></td></tr></table>',
  '<form id=a><div></form><input name=x value=1></div><form id=b><input name=y value=2></form>',
  '<form id=a><textarea name=t type=checkbox>x</textarea><select name=s type=checkbox><option>o</select><input name=h type=hidden value="a\nb"></form>',
  '<form id=a><textarea name=t>\nfirst</textarea><textarea name=u>a\r\nb</textarea><input name=_charset_ type=hidden><input name=n value="\ud800x"></form>',
]) targeted.push(owned);
const pages = [...fc.sample(page, { numRuns: PAGES, seed: PAGE_SEED + 1 }), ...targeted];
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
const tab = await browser.newPage();
// Each page in a sandboxed iframe of a browsing context (no script runs), written with
// document.write, as the live differential test loads them.
const forms = await tab.evaluate((htmls) => {
  const frame = document.createElement('iframe');
  frame.sandbox.add('allow-same-origin');
  document.body.append(frame);
  return htmls.map((html) => {
    const doc = frame.contentDocument;
    doc.open();
    doc.write(html);
    doc.close();
    return [...doc.forms].map((form) => [...new FormData(form)].map(([name, value]) => [name, typeof value === 'string' ? value : value.name]));
  });
}, pages);
const version = browser.version();
await browser.close();
const cases = pages.map((html, i) => ({ html, forms: forms[i] }));
writeFileSync(new URL('../vectors/chromium-formdata.json', import.meta.url), `${JSON.stringify({ chromium: version, seed: PAGE_SEED + 1, cases }, null, 1)}\n`);
console.log(`${cases.length} pages (${PAGES} generated, ${targeted.length} written out), ${cases.reduce((n, c) => n + c.forms.length, 0)} forms, Chromium ${version}`);
