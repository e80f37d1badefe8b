/**
 * The UI's language: Swedish or English. Every string an element shows is a `Text` pair
 * (`{ en, sv }`), so no string can exist in one language only; `LocaleController.t` picks one.
 * The language comes from the nearest `lang` attribute, else a remembered choice, else the browser.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang, Text } from '../../src/text.ts';

export const LANG_EVENT = 'ebet-lang-change';
const STORAGE_KEY = 'ebet-lang';

function asLang(value: string | null | undefined): Lang | null {
  const short = value?.toLowerCase().slice(0, 2);
  return short === 'sv' || short === 'en' ? short : null;
}

/** The language of the page: its `<html lang>`. */
export function pageLang(): Lang {
  return asLang(document.documentElement.lang) ?? 'en';
}

/** Sets the page's language, remembers the choice (only the language), and tells every element. */
export function setLang(lang: Lang): void {
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
  window.dispatchEvent(new CustomEvent(LANG_EVENT, { detail: { lang } }));
}

/** On a toolkit page: the remembered choice, else the browser's preference, else the page's own. */
export function initPageLang(): Lang {
  let remembered: Lang | null;
  try {
    remembered = asLang(localStorage.getItem(STORAGE_KEY));
  } catch {
    remembered = null;
  }
  const browser = navigator.languages?.map(asLang).find((l) => l !== null) ?? null;
  const lang = remembered ?? browser ?? pageLang();
  document.documentElement.lang = lang;
  return lang;
}

/** Gives an element `t(text)` in its language, and re-renders it when the language changes. */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(LANG_EVENT, this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener(LANG_EVENT, this.onChange);
  }

  /** The element's language: the nearest `lang` attribute (its own included), else the page's. */
  get lang(): Lang {
    return asLang(this.host.closest('[lang]')?.getAttribute('lang')) ?? pageLang();
  }

  /** The text in the element's language; an arrow function, so `const { t } = this.locale` works. */
  readonly t = (value: Text): string => value[this.lang];
}
