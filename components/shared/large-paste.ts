/** The large-paste guard of the tools a person pastes into: the calculator, the decoder and the test page. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from './locale.ts';

/** A paste above this many characters gets one word that what is shown is cut. */
export const LARGE_PASTE = 256 * 1024;

const cutShort = (mb: string): string => msg(str`A large paste (${mb}): long values are shown cut short; the MAC is computed over them whole.`);

/** `size` characters in MB, as the notices say it (e.g. "6.8 MB"). */
export const megabytes = (size: number): string => `${(size / 1048576).toFixed(1)} MB`;

/**
 * One notice (`[data-code=large-paste]`) for a paste of `size` characters above `LARGE_PASTE`, else
 * nothing; `words` says it for the size in MB (by default: long values are shown cut short).
 */
export function largePasteNotice(size: number, words: (mb: string) => string = cutShort): TemplateResult | typeof nothing {
  return size > LARGE_PASTE ? html`<p class="hint" data-code="large-paste">${words(megabytes(size))}</p>` : nothing;
}
