/**
 * The protocol's transport: a real top-level form POST (to the bank, or the bank's answer to the
 * shop). Only absolute http(s) targets are accepted, so a `javascript:` or `data:` value can never
 * become one; values are set as properties of hidden inputs, never written as markup.
 */

/** The absolute http(s) URL of `value` (resolved against `base`), or `null` for anything else. */
export function httpUrl(value: string, base?: string): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Submits `fields` to `action` as a hidden `<form method="post">` appended to `parent` (a shadow
 * root works), in the given character set. Returns `false`, posting nothing, when the action is
 * not an http(s) URL.
 */
export function postForm(parent: ParentNode, action: string, fields: Readonly<Record<string, string>>, charset = 'utf-8'): boolean {
  const target = httpUrl(action, document.baseURI);
  if (!target) return false;
  const form = document.createElement('form');
  form.method = 'post';
  form.action = target;
  form.acceptCharset = charset;
  form.hidden = true;
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  parent.append(form);
  form.submit();
  return true;
}
