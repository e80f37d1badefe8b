// The generated pages of the HTML differential tests: random mixes of several forms, disabled
// controls and fieldsets, textarea, select, checkboxes and radios, every input type, named character
// references and the attribute rules, comments, CDATA, template, script and style, nested and
// misnested forms, form= owners. test/src/reading/parse-html-differential.test.ts compares the core with
// Chromium's FormData on them live; test/vectors/chromium-formdata.json holds Chromium's answers for
// a sample of them (test/support/record-formdata.mjs), so that Node checks them too.
import fc from 'fast-check';

const esc = (s: string) => s.replace(/&(?![a-zA-Z#])/g, '&amp;').replace(/"/g, '&quot;');
const names = fc.constantFrom('NB_STAMP', 'NB_DB_AMOUNT', 'NB_RCV_ID', 'nb_lower', 'q', 'password', 'a b', ' NB_SPACE', '_charset_', '_CHARSET_', 'x&amp;y', 'n&szlig;', '');
const values = fc.constantFrom(
  '', 'plain', '899,00', ' SEK ', 'a&amp;b', 'a&amp=b', 'x&notit;y', '&szlig;&hellip;&not;', '&aring;&AElig;&#229;&#xE4;&#0;&#x110000;', 'line\nbreak', 'cr&#13;lf&#10;x', 'tab\tin',
  ' a@b.se , c@d.se ,', '  https://x.se/ ', '1e3', '1.', '-.5', '+1', '42', '7.6', '150', '2026-02-29', '2024-02-29', '2026-W53', '2020-W53', '2026-13', '2026-11',
  '10:00', '10:00:00.500', '24:00', '2026-11-23 10:00:00', '2026-11-23T10:00:30.120', '#AABBcc', '#abc', '\u{1F600}', 'x<y>z', "it's",
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const attr = (name: string, value: string | undefined | boolean) =>
  value === undefined || value === false ? '' : value === true ? ` ${name}` : ` ${name}="${esc(value)}"`;

const inputType = fc.constantFrom(
  undefined, 'hidden', 'HIDDEN', 'text', 'search', 'tel', 'url', 'email', 'password', 'number', 'range', 'checkbox', 'radio', 'file',
  'submit', 'image', 'reset', 'button', 'date', 'month', 'week', 'time', 'datetime-local', 'bogus',
);
const input = fc
  .record({
    type: inputType,
    name: maybe(names),
    value: maybe(values),
    checked: fc.boolean(),
    disabled: fc.boolean(),
    multiple: fc.boolean(),
    form: maybe(fc.constantFrom('f0', 'f1', 'f2', 'nowhere', '')),
    dirname: maybe(fc.constantFrom('NB_DIR', 'dir')),
    dir: maybe(fc.constantFrom('ltr', 'RTL')),
    range: maybe(fc.tuple(fc.constantFrom(undefined, '0', '10', '-5'), fc.constantFrom(undefined, '5', '100', '20'), fc.constantFrom(undefined, '2', '0.5', 'any', '0'))),
  })
  .map((i) =>
    `<input${attr('type', i.type)}${attr('name', i.name)}${attr('value', i.value)}${attr('checked', i.checked && (i.type === 'checkbox' || i.type === 'radio'))}` +
    `${attr('disabled', i.disabled)}${attr('multiple', i.multiple)}${attr('form', i.form)}${attr('dirname', i.dirname)}${attr('dir', i.dir)}` +
    `${i.range ? attr('min', i.range[0]) + attr('max', i.range[1]) + attr('step', i.range[2]) : ''}>`,
  );
const radio = fc
  .record({ name: fc.constantFrom('NB_PICK', 'r'), value: maybe(values), checked: fc.boolean(), form: maybe(fc.constantFrom('f0', 'f1')) })
  .map((r) => `<input type=radio${attr('name', r.name)}${attr('value', r.value)}${attr('checked', r.checked)}${attr('form', r.form)}>`);
const textarea = fc
  .record({ name: maybe(names), text: fc.constantFrom('', '\nfirst line dropped', '\n\nkeeps one', 'a\r\nb\rc', '&amp;&lt;input name=NB_T&gt;', '<input name=NB_IN_TEXTAREA>', 'x&#13;y'), disabled: fc.boolean(), dirname: maybe(fc.constantFrom('NB_DIR')) })
  .map((t) => `<textarea${attr('name', t.name)}${attr('disabled', t.disabled)}${attr('dirname', t.dirname)}>${t.text}</textarea>`);
const option = fc
  .record({ value: maybe(values), text: fc.constantFrom('', ' One  two ', 'Tre&nbsp;fyra', '&szlig;'), selected: fc.boolean(), disabled: fc.boolean() })
  .map((o) => `<option${attr('value', o.value)}${attr('selected', o.selected)}${attr('disabled', o.disabled)}>${o.text}</option>`);
const select = fc
  .record({
    name: maybe(names),
    multiple: fc.boolean(),
    size: maybe(fc.constantFrom('0', '1', '2', 'x')),
    disabled: fc.boolean(),
    options: fc.array(fc.oneof({ weight: 4, arbitrary: option }, { weight: 1, arbitrary: fc.tuple(fc.boolean(), fc.array(option, { maxLength: 3 })).map(([d, os]) => `<optgroup label=g${attr('disabled', d)}>${os.join('')}</optgroup>`) }), { maxLength: 4 }),
  })
  .map((s) => `<select${attr('name', s.name)}${attr('multiple', s.multiple)}${attr('size', s.size)}${attr('disabled', s.disabled)}>${s.options.join('')}</select>`);
const button = fc
  .record({ type: fc.constantFrom(undefined, 'submit', 'button', 'reset'), name: maybe(names), value: maybe(values) })
  .map((b) => `<button${attr('type', b.type)}${attr('name', b.name)}${attr('value', b.value)}>Pay</button>`);
const control = fc.oneof({ weight: 6, arbitrary: input }, { weight: 2, arbitrary: radio }, textarea, select, button);

const formTag = fc
  .tuple(fc.nat(2), fc.constantFrom(undefined, 'post', 'POST', 'get', 'put', 'dialog'), maybe(fc.constantFrom('https://bank.example/pay', 'a&amp;b', '')))
  .map(([id, method, action]) => `<form id=f${id}${attr('method', method)}${attr('action', action)}>`);

/** Pieces of a page: controls, and what surrounds, hides or cuts them. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: control },
  { weight: 3, arbitrary: formTag },
  { weight: 2, arbitrary: fc.constant('</form>') },
  fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<table><tr><td>', '</td></tr></table>', '<table>', '</table>', '<b>', '</b>', '<span id=f1>'),
  fc.array(control, { maxLength: 3 }).map((cs) => `<fieldset disabled>${cs[0] ? `<legend>${cs[0]}</legend>` : ''}${cs.slice(1).join('')}</fieldset>`),
  fc.array(control, { maxLength: 2 }).map((cs) => `<fieldset><legend>L</legend><legend>${cs.join('')}</legend></fieldset>`),
  fc.array(control, { maxLength: 2 }).map((cs) => `<template>${cs.join('')}<form id=f1></form></template>`),
  fc.array(control, { maxLength: 2 }).map((cs) => `<datalist>${cs.join('')}</datalist>`),
  control.map((c) => `<!-- ${c} -->`),
  control.map((c) => `<![CDATA[ ${c} ]]>`),
  control.map((c) => `<svg>${c}</svg>`),
  control.map((c) => `<math><mi>${c}</mi></math>`),
  fc.constantFrom('<script>var s = "<input name=NB_SCRIPT value=1>";</script>', '<style>input[name=x] { color: red }</style><style><input name=NB_STYLE></style>', '<title><input name=NB_TITLE></title>'),
);
export const page = fc.tuple(fc.array(piece, { maxLength: 3 }), formTag, fc.array(piece, { minLength: 1, maxLength: 14 })).map(([before, form, pieces]) => [...before, form, ...pieces].join('\n'));

/** The seed every run uses: the same pages each time. */
export const PAGE_SEED = 20261130;
