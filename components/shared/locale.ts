/**
 * The UI's language, Swedish or English, per element: each element follows its own `lang`, else
 * the closest ancestor's (across shadow roots), else the document's `<html lang>`, else English.
 * Nothing is configured globally and nothing touches the DOM at import, so a host page that
 * localises itself (also with @lit/localize's `configureLocalization`) is left alone.
 *
 * - The UI's own strings are `msg('English')` calls, imported from here (typed as @lit/localize's,
 *   so `lit-localize extract` finds them); the Swedish is the `<target>` in `locales/sv.xlf`, built
 *   by `lit-localize build` into `locales/sv.ts` (one file per language), loaded the first time an
 *   element is shown in Swedish. `msg()` looks its message up by @lit/localize's own id.
 * - `@localized()` (from here) gives an element a `LocaleController`: during the element's update
 *   (`willUpdate`, `render`, `updated`) `msg()`, `t()` and `currentLang()` answer in the element's
 *   language; outside an update (an event handler) in the document's.
 * - Messages from the core (`src/`, which knows nothing of Lit) are `Text` pairs; `t(text)` picks
 *   the language's half.
 * - On a toolkit page `<ebet-shell>` calls `initPageLang()`: a remembered choice (localStorage
 *   `ebet-lang`, only the language), else the browser's preference, else the page's `<html lang>`.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { MsgFn, TemplateLike, TemplateMap } from '@lit/localize/internal/types.js';
import type { Lang, Text } from '../../src/protocol/text.ts';

export { str } from '@lit/localize';

const STORAGE_KEY = 'ebet-lang';

function asLang(value: string | null | undefined): Lang | null {
  const short = value?.toLowerCase().slice(0, 2);
  return short === 'sv' || short === 'en' ? short : null;
}

/** The language of the page: its `<html lang>` (English where there is no document, as in SSR). */
function pageLang(): Lang {
  return asLang(globalThis.document?.documentElement.lang) ?? 'en';
}

/** The element's own `lang`, else its closest ancestor's across shadow roots, else the page's. */
function langOf(element: Element): Lang {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = asLang((node as Partial<Element>).getAttribute?.('lang'));
    if (lang) return lang;
  }
  return pageLang();
}

/** Swedish templates, once loaded. */
let swedish: TemplateMap | undefined;
let loadingSwedish: Promise<void> | undefined;

function loadSwedish(): Promise<void> {
  return (loadingSwedish ??= import('./locales/sv.ts').then(
    (module) => {
      swedish = module.templates as TemplateMap;
      for (const controller of controllers) controller.refresh();
    },
    (error: unknown) => {
      loadingSwedish = undefined; // a later update tries again
      throw error;
    },
  ));
}

/** The language of the element being updated, if one is. */
let updating: Lang | null = null;

/** The current language: the updating element's, else the page's. */
export function currentLang(): Lang {
  return updating ?? pageLang();
}

/** A core message (`Text` pair) in the current language. */
export function t(value: Text): string {
  return value[currentLang()];
}

/** A UI string in the current language (@lit/localize's `msg`, resolved per element). */
export const msg = ((template: TemplateLike, options?: { id?: string }) =>
  runtimeMsg(currentLang() === 'sv' ? swedish : undefined, template, options)) as MsgFn;

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

/** One observer for every `lang` change in the document, and on each element (also in shadow roots). */
function watch(host: Element): void {
  observer ??= new MutationObserver(() => {
    for (const controller of controllers) controller.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang'] });
  observer.observe(host, { attributes: true, attributeFilter: ['lang'] });
}

/** Keeps an element in its language: re-renders it when its language changes or its strings arrive. */
export class LocaleController implements ReactiveController {
  /** The language the element last rendered in. */
  lang: Lang | null = null;

  constructor(readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    watch(this.host);
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** The element's language now; asks for the Swedish strings when it is Swedish. */
  resolve(): Lang {
    const lang = langOf(this.host);
    if (lang === 'sv' && !swedish) loadSwedish().catch(() => undefined);
    return (this.lang = lang);
  }

  /** Re-renders when the element's language is not the one it shows, or its strings have arrived. */
  refresh(): void {
    if (langOf(this.host) !== this.lang || this.lang === 'sv') this.host.requestUpdate();
  }
}

type LocalizedHost = ReactiveElement & { [LOCALE]?: LocaleController };
const LOCALE = Symbol('locale');

/**
 * The class decorator that makes an element localised: a `LocaleController`, and its language set
 * for `msg()` during each update. Works on a plain class too (`localized()(MyElement)`).
 */
export function localized() {
  return <C extends abstract new (...args: never[]) => ReactiveElement>(element: C): C => {
    const base = element as unknown as typeof ReactiveElement;
    base.addInitializer((host) => {
      (host as LocalizedHost)[LOCALE] = new LocaleController(host);
    });
    const performUpdate = base.prototype['performUpdate'];
    Object.defineProperty(base.prototype, 'performUpdate', {
      configurable: true,
      writable: true,
      value(this: LocalizedHost) {
        const outer = updating;
        updating = this[LOCALE]?.resolve() ?? outer;
        try {
          performUpdate.call(this);
        } finally {
          updating = outer;
        }
      },
    });
    return element;
  };
}

/** Resolves when every element has the strings of `lang` and has rendered in it. */
async function shown(lang: Lang): Promise<void> {
  if (lang === 'sv') await loadSwedish();
  for (const controller of controllers) controller.refresh();
  await Promise.all([...controllers].map((c) => c.host.updateComplete));
}

/** Switches the page's language (its `<html lang>`) without remembering it; resolves once it is shown. */
export function setPageLang(lang: Lang): Promise<void> {
  document.documentElement.lang = lang;
  return shown(lang);
}

/** The user's choice: switches the page's language (`setPageLang`) and remembers it (only the language). */
export function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
  return setPageLang(lang);
}

/** On a toolkit page: the remembered choice, else the browser's preference, else the page's own. */
export function initPageLang(): Promise<void> {
  let remembered: Lang | null;
  try {
    remembered = asLang(localStorage.getItem(STORAGE_KEY));
  } catch {
    remembered = null;
  }
  const browser = navigator.languages?.map(asLang).find((l) => l !== null) ?? null;
  return setPageLang(remembered ?? browser ?? pageLang());
}
