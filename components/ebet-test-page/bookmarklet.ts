/**
 * The support bookmarklet: run on a shop's checkout page, it takes the form that holds NB_ fields
 * (in the page or an open shadow root) as the browser would submit it (`FormData`), and opens the test
 * page in a new tab with those fields in the URL fragment (`request-fragment.ts`), where they are
 * checked at once. The fragment is never sent to a server; a form carries no key. No such form: it says so.
 */

/** The bookmarklet's body: self-contained, it runs in the shop's page (its text is the link). */
function takeCheckoutForm(testPage: string, noForm: string): void {
  const forms: HTMLFormElement[] = [];
  const collect = (root: Document | ShadowRoot): void => {
    forms.push(...Array.from(root.querySelectorAll('form')));
    for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) collect(el.shadowRoot);
  };
  collect(document);
  const form = forms.find((f) => Array.from(f.elements).some((e) => /^NB_/.test((e as HTMLInputElement).name || '')));
  if (!form) {
    alert(noForm);
    return;
  }
  const fields = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') fields.append(name, value);
  window.open(`${testPage}#${new URLSearchParams({ fields: fields.toString() }).toString()}`, '_blank', 'noopener');
}

/** The `javascript:` URL of the bookmarklet for the test page at `testPage` (absolute), saying `noForm` when a page has no such form. */
export function bookmarkletUrl(testPage: string, noForm: string): string {
  return `javascript:${encodeURIComponent(`(${takeCheckoutForm.toString()})(${JSON.stringify(testPage)},${JSON.stringify(noForm)});void 0`)}`;
}
