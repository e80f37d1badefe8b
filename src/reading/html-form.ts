/**
 * The forms of an HTML page, read as a browser submits them. parse5 builds the document exactly
 * as the HTML standard's tokenizer and tree builder do (every named character reference, the
 * attribute rules, comments, CDATA, raw-text elements, templates, nested and misnested forms),
 * into plain objects: no DOM, nothing fetched or run, in the browser and in Node alike. Each
 * form's entries are then those of the standard's "constructing the entry list" with no
 * submitter, i.e. what `new FormData(form)` holds on the page when it is loaded.
 */
import { defaultTreeAdapter, html, parse, type DefaultTreeAdapterMap, type DefaultTreeAdapterTypes, type TreeAdapter } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** One entry of a form's entry list. */
export interface FormEntry {
  readonly name: string;
  readonly value: string;
  /** 1-based character position of the control's start tag. */
  readonly position: number;
}

/** A `<form>` of the page, or (with `index` null) the controls that belong to no form. */
export interface PageForm {
  /** 0-based among the page's `<form>` elements in tree order; null for controls outside any form. */
  readonly index: number | null;
  /** The `action` attribute as written, when there is one. */
  readonly action?: string;
  /** The `method` attribute as written, when there is one. */
  readonly method?: string;
  /** 1-based character position of the start tag (of the first control, for controls outside any form). */
  readonly position: number;
  readonly entries: FormEntry[];
}

const HTML_NS = html.NS.HTML;
/** Submittable elements (the standard's list; form-associated custom elements cannot exist without script). */
const SUBMITTABLE = new Set(['button', 'input', 'select', 'textarea']);
/** Input types that are buttons: never in an entry list built without a submitter. */
const BUTTON_TYPES = new Set(['submit', 'image', 'reset', 'button']);
const INPUT_TYPES = new Set([
  'hidden', 'text', 'search', 'tel', 'url', 'email', 'password', 'date', 'month', 'week', 'time', 'datetime-local',
  'number', 'range', 'color', 'checkbox', 'radio', 'file', 'submit', 'image', 'reset', 'button',
]);

/** Input types for which Chromium sends a `dirname` entry (and textarea). */
const DIRNAME = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'hidden', 'submit']);

const isElement = (node: DefaultTreeAdapterTypes.Node): node is Element => 'tagName' in node;
const isHtml = (element: Element, tag: string) => element.tagName === tag && element.namespaceURI === HTML_NS;

function attribute(element: Element, name: string): string | undefined {
  for (const a of element.attrs) if (a.name === name && !a.namespace) return a.value;
  return undefined;
}

/** An input's type: its `type` attribute when it is a known type (ASCII case-insensitive), else text. */
function inputType(element: Element): string {
  const type = attribute(element, 'type')?.toLowerCase() ?? 'text';
  return INPUT_TYPES.has(type) ? type : 'text';
}

interface Control {
  readonly element: Element;
  readonly ancestorForm: Element | null;
  readonly disabled: boolean;
}

/** Reads every form of the page (in tree order) and the controls that belong to no form. */
export function readPageForms(source: string): { forms: PageForm[]; outside: PageForm | null } {
  const formPointer = new Map<Element, Element>();
  /** The order inputs were created in (radio groups depend on it). */
  const created = new Map<Element, number>();
  const treeAdapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    // The tree builder's form element pointer: a control created while a form is open (and not in
    // a template, with no form= attribute) belongs to that form even when it ends up outside it.
    onElementCreated(element, { formElement, isInTemplate }) {
      if (element.tagName === 'input') created.set(element, created.size);
      if (formElement && !isInTemplate && element.namespaceURI === HTML_NS && SUBMITTABLE.has(element.tagName)) formPointer.set(element, formElement);
    },
  };
  const document = parse(source, { treeAdapter, sourceCodeLocationInfo: true });

  const formElements: Element[] = [];
  const controls: Control[] = [];
  const ids = new Map<string, Element>();
  // Tree order (depth first, iteratively: a page can nest deeply); template contents are not in the tree.
  type Visit = { element: Element; form: Element | null; disabled: boolean };
  const stack: Visit[] = [];
  const pushChildren = (node: ParentNode, form: Element | null, disabled: boolean) => {
    const children = node.childNodes.filter(isElement);
    const disabledFieldset = isElement(node) && isHtml(node, 'fieldset') && attribute(node, 'disabled') !== undefined;
    // A disabled fieldset disables its descendants, except those of its first legend child.
    const legend = disabledFieldset ? children.find((child) => isHtml(child, 'legend')) : undefined;
    for (let i = children.length - 1; i >= 0; i--) {
      const element = children[i]!;
      stack.push({ element, form, disabled: disabled || (disabledFieldset && element !== legend) });
    }
  };
  pushChildren(document, null, false);
  while (stack.length) {
    const { element, form, disabled } = stack.pop()!;
    const id = attribute(element, 'id');
    if (id && !ids.has(id)) ids.set(id, element);
    let childForm = form;
    if (element.namespaceURI === HTML_NS) {
      if (element.tagName === 'form') {
        formElements.push(element);
        childForm = element;
      } else if (SUBMITTABLE.has(element.tagName)) {
        controls.push({ element, ancestorForm: form, disabled: disabled || attribute(element, 'disabled') !== undefined });
      }
    }
    pushChildren(element, childForm, disabled);
  }

  const owner = (control: Control): Element | null => {
    const formId = attribute(control.element, 'form');
    const byParser = formPointer.get(control.element);
    if (byParser && formId === undefined) return byParser;
    if (formId === undefined) return control.ancestorForm;
    const target = ids.get(formId);
    return target && isHtml(target, 'form') ? target : null;
  };
  const owners = new Map(controls.map((c) => [c, owner(c)]));
  const checkedRadios = radioCheckedness(controls, owners, created, formPointer);

  const lists = new Map<Element | null, FormEntry[]>();
  for (const control of controls) {
    const owner = owners.get(control)!;
    const list = lists.get(owner) ?? [];
    lists.set(owner, list);
    for (const entry of controlEntries(control, checkedRadios)) list.push(entry);
  }
  const forms = formElements.map((element, index) => {
    const action = attribute(element, 'action');
    const method = attribute(element, 'method');
    return {
      index,
      ...(action !== undefined ? { action } : {}),
      ...(method !== undefined ? { method } : {}),
      position: position(element),
      entries: lists.get(element) ?? [],
    };
  });
  const firstOutside = controls.find((c) => owners.get(c) === null);
  const outside = firstOutside ? { index: null, position: position(firstOutside.element), entries: lists.get(null) ?? [] } : null;
  return { forms, outside };
}

function position(element: Element): number {
  return (element.sourceCodeLocation?.startOffset ?? 0) + 1;
}

/**
 * The radio buttons that are checked once the page is loaded: each one inserted with `checked`
 * unchecks the others of its group (same form owner, same name), so the last one wins. In
 * Chromium a radio created while a form is open first joins that form's group as its attributes
 * are set: `checked` before `form=` unchecks that group's radio too.
 */
function radioCheckedness(
  controls: readonly Control[],
  owners: ReadonlyMap<Control, Element | null>,
  created: ReadonlyMap<Element, number>,
  formPointer: ReadonlyMap<Element, Element>,
): Set<Element> {
  const radios = controls
    .filter((c) => isHtml(c.element, 'input') && inputType(c.element) === 'radio' && attribute(c.element, 'checked') !== undefined)
    .sort((a, b) => created.get(a.element)! - created.get(b.element)!);
  const groups = new Map<Element | null, Map<string, Element>>();
  const checked = new Set<Element>();
  for (const radio of radios) {
    const name = attribute(radio.element, 'name') ?? '';
    if (name === '') {
      checked.add(radio.element);
      continue;
    }
    const attributes = radio.element.attrs.map((a) => a.name);
    const first = formPointer.get(radio.element);
    if (first && attributes.includes('form') && attributes.indexOf('checked') < attributes.indexOf('form')) {
      const before = groups.get(first)?.get(name);
      if (before) checked.delete(before);
    }
    const owner = owners.get(radio)!;
    const group = groups.get(owner) ?? new Map<string, Element>();
    groups.set(owner, group);
    const before = group.get(name);
    if (before) checked.delete(before);
    group.set(name, radio.element);
    checked.add(radio.element);
  }
  return checked;
}

/** A string as FormData holds it: lone surrogates become U+FFFD. */
function scalar(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** The entries one control adds to its form's entry list. */
function controlEntries(control: Control, checkedRadios: ReadonlySet<Element>): FormEntry[] {
  const { element } = control;
  // (Chromium does not skip controls inside a <datalist>, as the standard says: neither does this.)
  if (control.disabled || element.tagName === 'button') return [];
  const type = element.tagName === 'input' ? inputType(element) : '';
  if (type === 'checkbox' && attribute(element, 'checked') === undefined) return [];
  if (type === 'radio' && !checkedRadios.has(element)) return [];
  const name = attribute(element, 'name');
  if (!name) return [];
  const at = position(element);
  const entry = (entryName: string, value: string): FormEntry => ({ name: scalar(entryName), value: scalar(value), position: at });
  const dirname = attribute(element, 'dirname');
  const direction = (value: string) => (dirname && (element.tagName === 'textarea' || DIRNAME.has(type)) ? [entry(dirname, directionality(element, value))] : []);
  // A submit input sends no value without being the submitter, but Chromium still sends its dirname
  // (for dir=auto, the direction of its value).
  if (BUTTON_TYPES.has(type)) return direction(attribute(element, 'value') ?? '');
  if (element.tagName === 'select') return selectedOptions(element).map((value) => entry(name, value));
  // The encoding's name (FormData's is UTF-8), with no dirname entry.
  if (type === 'hidden' && name.toLowerCase() === '_charset_') return [entry(name, 'UTF-8')];
  let value: string;
  if (element.tagName === 'textarea') value = textareaValue(element);
  else if (type === 'checkbox' || type === 'radio') value = attribute(element, 'value') ?? 'on';
  // A file input with no file chosen: an empty file, sent as an empty value in a URL-encoded body.
  else if (type === 'file') value = '';
  else value = sanitize(type, attribute(element, 'value') ?? '', element);
  return [entry(name, value), ...direction(value)];
}

/** A textarea's value: its text, the newline right after the start tag dropped (by the parser), CR LF and CR as LF. */
function textareaValue(element: Element): string {
  return element.childNodes
    .map((child) => ('value' in child && child.nodeName === '#text' ? child.value : ''))
    .join('')
    .replace(/\r\n?/g, '\n');
}

/** The values of a select's selected, enabled options, after the select's default selection. */
function selectedOptions(select: Element): string[] {
  const options: Array<{ option: Element; disabled: boolean }> = [];
  for (const child of select.childNodes.filter(isElement)) {
    if (isHtml(child, 'option')) options.push({ option: child, disabled: attribute(child, 'disabled') !== undefined });
    else if (isHtml(child, 'optgroup')) {
      const groupDisabled = attribute(child, 'disabled') !== undefined;
      for (const option of child.childNodes.filter(isElement)) {
        if (isHtml(option, 'option')) options.push({ option, disabled: groupDisabled || attribute(option, 'disabled') !== undefined });
      }
    }
  }
  let selected = options.filter(({ option }) => attribute(option, 'selected') !== undefined);
  if (attribute(select, 'multiple') === undefined) {
    // One selected at most: the last one inserted with `selected`; a drop-down (display size 1)
    // with none selects its first enabled option.
    selected = selected.slice(-1);
    const size = /^[\t\n\f\r ]*\+?(\d+)/.exec(attribute(select, 'size') ?? '');
    if (selected.length === 0 && (!size || Number(size[1]) <= 1)) selected = options.filter((o) => !o.disabled).slice(0, 1);
  }
  return selected.filter((o) => !o.disabled).map(({ option }) => attribute(option, 'value') ?? optionText(option));
}

/** An option's text: its text nodes (not inside script), ASCII whitespace stripped and collapsed. */
function optionText(option: Element): string {
  const parts: string[] = [];
  const walk = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (isElement(child)) {
        if (child.tagName !== 'script') walk(child);
      } else if (child.nodeName === '#text' && 'value' in child) parts.push(child.value);
    }
  };
  walk(option);
  return parts.join('').replace(/[\t\n\f\r ]+/g, ' ').replace(/^ | $/g, '');
}

/**
 * The direction a `dirname` entry sends: the nearest `dir` of ltr or rtl (as written, as Chromium
 * sends it), or for `auto` the value's first strong character; a telephone input's
 * is ltr once an element with no dir is reached.
 */
function directionality(element: Element, value: string): string {
  const telephone = element.tagName === 'input' && inputType(element) === 'tel';
  for (let node: ParentNode | null = element; node && isElement(node); node = node.parentNode) {
    const written = attribute(node, 'dir');
    const dir = written?.toLowerCase();
    if (dir === 'ltr' || dir === 'rtl') return written!;
    if (dir === 'auto') return /^[^A-Za-z\u00c0-\u024f\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/.test(value) ? 'rtl' : 'ltr';
    // At the first element with no dir, Chromium sends the input's own directionality: a telephone
    // input's is ltr (it has no dir in a defined state), any other's is inherited (read on up).
    if (written === undefined && telephone) return 'ltr';
  }
  return 'ltr';
}

const ASCII_WHITESPACE = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
const FLOAT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4,})-(\d\d)-(\d\d)$/;
const MONTH = /^(\d{4,})-(\d\d)$/;
const WEEK = /^(\d{4,})-W(\d\d)$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,3}))?)?$/;

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !leap(year) ? 1 : 0);
}

const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** ISO weeks in a year: 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
function weeksIn(year: number): number {
  const jan1 = new Date(Date.UTC(2000, 0, 1));
  jan1.setUTCFullYear(year);
  const day = jan1.getUTCDay();
  return day === 4 || (day === 3 && leap(year)) ? 53 : 52;
}

/** The value sanitisation algorithm of an input's type, applied to its value attribute. */
function sanitize(type: string, value: string, element: Element): string {
  switch (type) {
    case 'text':
    case 'search':
    case 'tel':
    case 'password':
      return value.replace(/[\r\n]/g, '');
    case 'url':
      return value.replace(/[\r\n]/g, '').replace(ASCII_WHITESPACE, '');
    case 'email': {
      const line = value.replace(/[\r\n]/g, '');
      if (attribute(element, 'multiple') === undefined) return line.replace(ASCII_WHITESPACE, '');
      return line
        .split(',')
        .map((part) => part.replace(ASCII_WHITESPACE, ''))
        .join(',');
    }
    case 'number':
      return FLOAT.test(value) && Number.isFinite(Number(value)) ? value : '';
    case 'range':
      return rangeValue(value, element);
    case 'color':
      return /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : '#000000';
    case 'date':
      return validDate(value) ? value : '';
    case 'month': {
      const m = MONTH.exec(value);
      return m && Number(m[1]) > 0 && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? value : '';
    }
    case 'week': {
      const m = WEEK.exec(value);
      return m && Number(m[1]) > 0 && Number(m[2]) >= 1 && Number(m[2]) <= weeksIn(Number(m[1])) ? value : '';
    }
    case 'time':
      return TIME.test(value) ? value : '';
    case 'datetime-local': {
      const [date, time, rest] = value.split(/[T ]/);
      if (date === undefined || time === undefined || rest !== undefined || !validDate(date)) return '';
      const m = TIME.exec(time);
      if (!m) return '';
      const fraction = (m[4] ?? '').padEnd(3, '0').replace(/0+$/, '');
      const seconds = m[3] ?? '00';
      return `${date}T${m[1]}:${m[2]}${seconds === '00' && !fraction ? '' : `:${seconds}`}${fraction ? `.${fraction}` : ''}`;
    }
    default:
      return value;
  }
}

/** A range's value: a number clamped to min…max (0…100 by default) and aligned to its step. */
function rangeValue(value: string, element: Element): string {
  const number = (name: string): number | null => {
    const raw = attribute(element, name);
    return raw !== undefined && FLOAT.test(raw) && Number.isFinite(Number(raw)) ? Number(raw) : null;
  };
  const min = number('min') ?? 0;
  const max = Math.max(number('max') ?? 100, min);
  const stepAttribute = attribute(element, 'step')?.toLowerCase();
  const stepNumber = number('step');
  const step = stepAttribute === 'any' ? null : stepNumber !== null && stepNumber > 0 ? stepNumber : 1;
  const base = number('min') ?? number('value') ?? 0;
  let n = FLOAT.test(value) && Number.isFinite(Number(value)) ? Number(value) : min + (max - min) / 2;
  n = Math.min(Math.max(n, min), max);
  if (step !== null) {
    n = base + Math.round((n - base) / step) * step;
    if (n > max) n -= step;
    if (n < min) n += step;
  }
  return String(n);
}
