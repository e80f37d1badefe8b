// validateFields row by row: for each rule of the handbook's table (version, amount, currency,
// reference, URL, MAC/KVV, length, control characters, digits, white space, status, rate) the row
// a value gets, in a request and in an answer — level, code, the words in both languages and the
// corrected value — and the rows of a whole message: duplicates, misspellings, unknown fields,
// aliases, what is missing, a key's findings, check digits and used stamps.
import { expect } from '@esm-bundle/chai';
import { TEST_KEY, TEST_KVV, type MessageKind } from '../../../src/index.ts';
import { validateFields, verdict, type ValidationRow } from '../../../src/judging/validate.ts';
import { PAY_DIRECT, PAY_DIRECT_URLS } from '../../support/pay-direct.ts';
import { webMac } from '../../support/webcrypto.ts';

const H = 'A'.repeat(32);
const K = 'B'.repeat(32);
const BASE: Record<string, Record<string, string>> = {
  payDirect: { ...PAY_DIRECT, ...PAY_DIRECT_URLS, NB_HMAC: H, NB_KVV: K },
  payDirectReturn: { NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '2026-11-23-11.15.00.000000', NB_HMAC: H, NB_KVV: K },
  paymentCheckResponse: { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '1', NB_HMAC: H, NB_KVV: K },
  repaymentResponse: { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '1', NB_RETURN_DB_REF: '1', NB_RETURN_REPAY_AMOUNT: '1,00', NB_RETURN_REPAY_CUR: 'SEK', NB_PAID: '2026-11-23', NB_HMAC: H, NB_KVV: K },
};

/** [kind, field, value, level, code, English, Swedish, suggestion]: the field's row when only it differs from a right message. */
const ROWS: ReadonlyArray<readonly [string, string, string, string, string, string, string, string | undefined]> = [
  ["payDirect", "NB_VERSION", "0003", "error", "version", "NB_VERSION is \"0003\"; this version of the service takes exactly 0002 (the bank answers \"felaktigt angiven version från butiken\")", "NB_VERSION är ”0003”; den här versionen av tjänsten kräver exakt 0002 (banken svarar ”felaktigt angiven version från butiken”)", "0002"],
  ["payDirect", "NB_VERSION", "0001", "warning", "version-old", "NB_VERSION is 0001, the older version. The handbook (0702) says 0002, and the bank answers a wrong version with \"felaktigt angiven version från butiken\"; yet a shop platform’s manual tells merchants to try 0001 after that very answer, so some agreements ran on 0001. Use 0002 unless the bank told you your agreement uses 0001", "NB_VERSION är 0001, den äldre versionen. Handboken (0702) säger 0002, och banken svarar på fel version med ”felaktigt angiven version från butiken”; men enligt en butiksplattforms manual ska säljföretaget prova 0001 efter just det svaret, så vissa avtal gick på 0001. Använd 0002 om inte banken har sagt att ditt avtal använder 0001", "0002"],
  ["payDirect", "NB_DB_AMOUNT", "899.00", "error", "amount-decimal-point", "NB_DB_AMOUNT must use a decimal comma: 899,00", "NB_DB_AMOUNT ska ha decimalkomma: 899,00", "899,00"],
  ["payDirect", "NB_DB_AMOUNT", "1,899.50", "error", "amount-decimal-point", "NB_DB_AMOUNT must use a decimal comma: 1899,50", "NB_DB_AMOUNT ska ha decimalkomma: 1899,50", "1899,50"],
  ["payDirect", "NB_DB_AMOUNT", "899", "error", "amount-decimals", "NB_DB_AMOUNT needs a decimal comma and two decimals: 899,00", "NB_DB_AMOUNT behöver decimalkomma och två decimaler: 899,00", "899,00"],
  ["payDirect", "NB_DB_AMOUNT", " 899,00", "error", "whitespace", "NB_DB_AMOUNT has spaces around it; write 899,00", "NB_DB_AMOUNT har mellanslag runt värdet; skriv 899,00", "899,00"],
  ["payDirect", "NB_DB_AMOUNT", "abc", "error", "amount-invalid", "NB_DB_AMOUNT \"abc\" is not an amount; write digits, a decimal comma and two decimals: 550,00", "NB_DB_AMOUNT ”abc” är inget belopp; skriv siffror, decimalkomma och två decimaler: 550,00", undefined],
  ["payDirect", "NB_DB_AMOUNT", "1 899,00", "warning", "amount-grouping", "NB_DB_AMOUNT \"1 899,00\" has a thousands separator; the handbook’s form is 1899,00, and whether the bank accepts a separator is unknown", "NB_DB_AMOUNT ”1 899,00” har tusentalsavgränsare; handbokens form är 1899,00, och om banken godtar en avgränsare är okänt", "1899,00"],
  ["payDirect", "NB_DB_AMOUNT", "1'899,00", "warning", "amount-grouping", "NB_DB_AMOUNT \"1'899,00\" has a thousands separator; the handbook’s form is 1899,00, and whether the bank accepts a separator is unknown", "NB_DB_AMOUNT ”1'899,00” har tusentalsavgränsare; handbokens form är 1899,00, och om banken godtar en avgränsare är okänt", "1899,00"],
  ["payDirectReturn", "NB_RETURN_DB_AMOUNT", "899.00", "warning", "amount-format", "NB_RETURN_DB_AMOUNT \"899.00\" is 899,00 in the handbook's form; the bank may change the format, and the MAC uses it exactly as received", "NB_RETURN_DB_AMOUNT ”899.00” är 899,00 i handbokens format; banken kan ändra formatet, och MAC:en beräknas på värdet exakt som det togs emot", undefined],
  ["payDirectReturn", "NB_RETURN_DB_AMOUNT", "1 899,00", "ok", "amount-grouping", "NB_RETURN_DB_AMOUNT \"1 899,00\" is 1899,00 written with a thousands separator; the bank may change the format, and the MAC uses the value exactly as received", "NB_RETURN_DB_AMOUNT ”1 899,00” är 1899,00 skrivet med tusentalsavgränsare; banken kan ändra formatet, och MAC:en beräknas på värdet exakt som det togs emot", undefined],
  ["payDirectReturn", "NB_RETURN_DB_AMOUNT", "x", "error", "amount-invalid", "NB_RETURN_DB_AMOUNT \"x\" is not an amount", "NB_RETURN_DB_AMOUNT ”x” är inget belopp", undefined],
  ["payDirect", "NB_DB_CUR", "sek", "error", "currency-format", "NB_DB_CUR must be written exactly SEK", "NB_DB_CUR ska skrivas exakt SEK", "SEK"],
  ["payDirect", "NB_DB_CUR", " SEK", "error", "currency-space", "NB_DB_CUR \" SEK\" has spaces; a request’s currency is exactly SEK", "NB_DB_CUR ” SEK” har blanktecken; valutan i en förfrågan är exakt SEK", "SEK"],
  ["payDirect", "NB_DB_CUR", "USD", "error", "currency-unknown", "NB_DB_CUR \"USD\" is not allowed; the bank takes SEK or EUR", "NB_DB_CUR ”USD” är inte tillåtet; banken tar bara emot SEK eller EUR", undefined],
  ["payDirect", "NB_DB_CUR", "eur ", "error", "currency-format", "NB_DB_CUR must be written exactly EUR", "NB_DB_CUR ska skrivas exakt EUR", "EUR"],
  ["payDirectReturn", "NB_RETURN_DB_CUR", "sek", "warning", "currency-format", "NB_RETURN_DB_CUR \"sek\" means SEK; the bank may send it so, and the MAC uses it exactly as received", "NB_RETURN_DB_CUR ”sek” betyder SEK; banken kan skicka det så, och MAC:en beräknas på värdet exakt som det togs emot", undefined],
  ["payDirectReturn", "NB_RETURN_DB_CUR", " EUR", "ok", "currency-space", "NB_RETURN_DB_CUR \" EUR\" is EUR with spaces, as in the handbook’s own answers; the MAC uses it exactly as received", "NB_RETURN_DB_CUR ” EUR” är EUR med blanktecken, som i handbokens egna svar; MAC:en beräknas på värdet exakt som det togs emot", undefined],
  ["payDirect", "NB_DB_REF", "0123", "error", "reference-leading-zero", "NB_DB_REF may not start with 0: 123", "NB_DB_REF får inte börja med 0: 123", "123"],
  ["payDirect", "NB_DB_REF", "000", "error", "reference-leading-zero", "NB_DB_REF may not start with 0", "NB_DB_REF får inte börja med 0", undefined],
  ["payDirectReturn", "NB_RETURN_DB_REF", "0123", "warning", "reference-leading-zero", "NB_RETURN_DB_REF may not start with 0: 123", "NB_RETURN_DB_REF får inte börja med 0: 123", "123"],
  ["payDirect", "NB_RETURN", "javascript:alert(1)", "error", "url-scheme", "NB_RETURN uses a \"javascript:\" address; it must be an absolute http(s) URL of one page, e.g. https://shop.example/return.html", "NB_RETURN är en ”javascript:”-adress; den ska vara en fullständig http(s)-URL till en sida, t.ex. https://butik.example/retur.html", undefined],
  ["payDirect", "NB_RETURN", "/ok.html", "error", "url-relative", "NB_RETURN is relative (\"/ok.html\"); the bank needs an absolute http(s) URL, e.g. https://shop.example/ok.html", "NB_RETURN är relativ (”/ok.html”); banken behöver en fullständig http(s)-URL, t.ex. https://butik.example/ok.html", undefined],
  ["payDirect", "NB_RETURN", "ok.html", "error", "url-relative", "NB_RETURN is relative (\"ok.html\"); the bank needs an absolute http(s) URL, e.g. https://shop.example/ok.html", "NB_RETURN är relativ (”ok.html”); banken behöver en fullständig http(s)-URL, t.ex. https://butik.example/ok.html", undefined],
  ["payDirect", "NB_RETURN", "not a url", "error", "url-invalid", "NB_RETURN must be an absolute http(s) URL of one page without spaces, e.g. https://shop.example/return.html", "NB_RETURN ska vara en fullständig http(s)-URL till en sida utan mellanslag, t.ex. https://butik.example/retur.html", undefined],
  ["payDirect", "NB_RETURN", "http://shop.example/ok.html", "warning", "url-http", "NB_RETURN uses plain http; the bank’s answer then travels unencrypted — use https", "NB_RETURN använder okrypterad http; bankens svar skickas då okrypterat — använd https", "https://shop.example/ok.html"],
  ["payDirect", "NB_CANCEL", "http://shop.example/cancel.html", "warning", "url-http", "NB_CANCEL uses plain http; the buyer then comes back over an unencrypted connection (nothing is posted to it) — use https", "NB_CANCEL använder okrypterad http; köparen kommer då tillbaka över en okrypterad anslutning (inget skickas dit) — använd https", "https://shop.example/cancel.html"],
  ["payDirect", "NB_RETURN", "http://localhost:8080/ok.html", "ok", "ok", "OK", "OK", undefined],
  ["payDirect", "NB_RETURN", "https://shop.example/", "warning", "url-not-page", "NB_RETURN points at a site, not a page; the handbook asks for the URL of one specific page", "NB_RETURN pekar på en webbplats, inte en sida; handboken kräver URL:en till en specifik sida", undefined],
  ["payDirect", "NB_RETURN", "https://shop.example", "warning", "url-not-page", "NB_RETURN points at a site, not a page; the handbook asks for the URL of one specific page", "NB_RETURN pekar på en webbplats, inte en sida; handboken kräver URL:en till en specifik sida", undefined],
  ["payDirect", "NB_HMAC", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "error", "untruncated", "NB_HMAC is the full 64-character HMAC; send only its first 32 characters", "NB_HMAC är hela HMAC-värdet på 64 tecken; skicka bara de första 32 tecknen", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
  ["payDirect", "NB_HMAC", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAG", "error", "not-hex", "NB_HMAC has \"G\" at position 32; it must be 32 hexadecimal characters (0–9, A–F)", "NB_HMAC har ”G” på position 32; det ska vara 32 hexadecimala tecken (0–9, A–F)", undefined],
  ["payDirect", "NB_HMAC", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "error", "hex-length", "NB_HMAC is 30 hexadecimal characters; it must be exactly 32", "NB_HMAC är 30 hexadecimala tecken; det ska vara exakt 32", undefined],
  ["payDirect", "NB_KVV", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "warning", "hex-case", "NB_KVV is in lower case; it was compared without regard to case. The bank writes upper case and whether it accepts lower case is unknown: send BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "NB_KVV är skrivet med gemener; det jämfördes utan hänsyn till skiftläge. Banken skriver versaler och om den godtar gemener är okänt: skicka BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"],
  ["payDirect", "NB_STAMP", "xxxxxxxxxxxxxxxxxxxxx", "error", "too-long", "NB_STAMP is 21 characters; at most 20", "NB_STAMP är 21 tecken; högst 20", undefined],
  ["payDirectReturn", "NB_RETURN_STAMP", " 00002                ", "warning", "padded", "NB_RETURN_STAMP is 22 characters with its padding; the handbook says at most 20, and the MAC uses it exactly as received", "NB_RETURN_STAMP är 22 tecken med utfyllnad; handboken säger högst 20, och MAC:en beräknas på värdet exakt som det togs emot", undefined],
  ["payDirect", "NB_STAMP", "a\tb", "error", "control-character", "NB_STAMP has a tab at position 2; remove it", "NB_STAMP har en tabb på position 2; ta bort tecknet", "ab"],
  ["payDirect", "NB_STAMP", "a\nb", "error", "control-character", "NB_STAMP has a line break at position 2; remove it", "NB_STAMP har en radbrytning på position 2; ta bort tecknet", "ab"],
  ["payDirect", "NB_STAMP", "a\u0001b", "error", "control-character", "NB_STAMP has a control character at position 2; remove it", "NB_STAMP har ett styrtecken på position 2; ta bort tecknet", "ab"],
  ["payDirect", "NB_DB_REF", "12 34", "error", "not-digits", "NB_DB_REF must be digits only; \"space\" at position 3 is not a digit", "NB_DB_REF får bara innehålla siffror; ”mellanslag” på position 3 är ingen siffra", "1234"],
  ["payDirect", "NB_DB_REF", "12a4", "error", "not-digits", "NB_DB_REF must be digits only; \"a\" at position 3 is not a digit", "NB_DB_REF får bara innehålla siffror; ”a” på position 3 är ingen siffra", "124"],
  ["payDirectReturn", "NB_RETURN_DB_REF", "12 34", "warning", "not-digits", "NB_RETURN_DB_REF must be digits only; \"space\" at position 3 is not a digit", "NB_RETURN_DB_REF får bara innehålla siffror; ”mellanslag” på position 3 är ingen siffra", "1234"],
  ["payDirect", "NB_STAMP", " 0002", "warning", "whitespace", "NB_STAMP has leading whitespace; it is sent and signed as it stands — remove it unless the other side expects it", "NB_STAMP har inledande blanktecken; värdet skickas och signeras precis som det står — ta bort dem om inte mottagaren väntar sig dem", "0002"],
  ["payDirect", "NB_STAMP", "0002 ", "warning", "whitespace", "NB_STAMP has trailing whitespace; it is sent and signed as it stands — remove it unless the other side expects it", "NB_STAMP har avslutande blanktecken; värdet skickas och signeras precis som det står — ta bort dem om inte mottagaren väntar sig dem", "0002"],
  ["paymentCheckResponse", "NB_VERIFIED", "yes", "warning", "status-format", "NB_VERIFIED \"yes\" is read as YES", "NB_VERIFIED ”yes” läses som YES", "YES"],
  ["paymentCheckResponse", "NB_VERIFIED", "MAYBE", "error", "status", "NB_VERIFIED is \"MAYBE\"; expected YES, NO, ERR", "NB_VERIFIED är ”MAYBE”; tillåtna värden: YES, NO eller ERR", undefined],
  ["repaymentResponse", "NB_RATE", "8.91", "warning", "rate-format", "NB_RATE \"8.91\" is not written like 8,91", "NB_RATE ”8.91” är inte skrivet i formatet 8,91", undefined],
  ["repaymentResponse", "NB_RATE", "8,91", "ok", "ok", "OK", "OK", undefined],
  ["payDirect", "NB_STAMP", "", "error", "empty", "NB_STAMP is empty; it is mandatory (Payment id, unique per payment: it is what prevents double billing)", "NB_STAMP är tomt; fältet är obligatoriskt (Betalnings-ID, unikt för varje betalning: det förhindrar dubbel fakturering)", undefined],
  ["payDirect", "NB_HMAC", "", "error", "mac-missing", "NB_HMAC is empty; this message is signed, so it must carry the MAC", "NB_HMAC är tomt; meddelandet signeras, så det ska ha en MAC", undefined],
  ["payDirect", "NB_HMAC", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "error", "hex-length", "NB_HMAC is 65 hexadecimal characters; it must be exactly 32", "NB_HMAC är 65 hexadecimala tecken; det ska vara exakt 32", undefined],
  ["payDirect", "NB_HMAC", "GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "error", "not-hex", "NB_HMAC has \"G\" at position 1; it must be 32 hexadecimal characters (0–9, A–F)", "NB_HMAC har ”G” på position 1; det ska vara 32 hexadecimala tecken (0–9, A–F)", undefined],
  ["payDirect", "NB_HMAC", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAG", "error", "not-hex", "NB_HMAC has \"G\" at position 65; it must be 32 hexadecimal characters (0–9, A–F)", "NB_HMAC har ”G” på position 65; det ska vara 32 hexadecimala tecken (0–9, A–F)", undefined],
  ["payDirect", "NB_RETURN", "xjavascript:alert(1)", "error", "url-invalid", "NB_RETURN must be an absolute http(s) URL of one page without spaces, e.g. https://shop.example/return.html", "NB_RETURN ska vara en fullständig http(s)-URL till en sida utan mellanslag, t.ex. https://butik.example/retur.html", undefined],
  ["payDirect", "NB_RETURN", "  data:text/html,x", "warning", "whitespace", "NB_RETURN has leading whitespace; it is sent and signed as it stands — remove it unless the other side expects it", "NB_RETURN har inledande blanktecken; värdet skickas och signeras precis som det står — ta bort dem om inte mottagaren väntar sig dem", "data:text/html,x"],
  ["payDirect", "NB_RETURN", "ok.htm", "error", "url-relative", "NB_RETURN is relative (\"ok.htm\"); the bank needs an absolute http(s) URL, e.g. https://shop.example/ok.htm", "NB_RETURN är relativ (”ok.htm”); banken behöver en fullständig http(s)-URL, t.ex. https://butik.example/ok.htm", undefined],
  ["payDirect", "NB_RETURN", "http://127.10.20.30/ok.html", "ok", "ok", "OK", "OK", undefined],
  ["payDirect", "NB_RETURN", "http://[::1]:8080/ok.html", "error", "url-invalid", "NB_RETURN must be an absolute http(s) URL of one page without spaces, e.g. https://shop.example/return.html", "NB_RETURN ska vara en fullständig http(s)-URL till en sida utan mellanslag, t.ex. https://butik.example/retur.html", undefined],
  ["payDirect", "NB_RETURN", "http://mylocalhost/ok.html", "warning", "url-http", "NB_RETURN uses plain http; the bank’s answer then travels unencrypted — use https", "NB_RETURN använder okrypterad http; bankens svar skickas då okrypterat — använd https", "https://mylocalhost/ok.html"],
  ["payDirect", "NB_RETURN", "http://localhost.example/ok.html", "warning", "url-http", "NB_RETURN uses plain http; the bank’s answer then travels unencrypted — use https", "NB_RETURN använder okrypterad http; bankens svar skickas då okrypterat — använd https", "https://localhost.example/ok.html"],
  ["payDirect", "NB_RETURN", "http://127.0.0.1x/ok.html", "warning", "url-http", "NB_RETURN uses plain http; the bank’s answer then travels unencrypted — use https", "NB_RETURN använder okrypterad http; bankens svar skickas då okrypterat — använd https", "https://127.0.0.1x/ok.html"],
  ["payDirectReturn", "NB_RETURN_DB_AMOUNT", " 899,00", "warning", "amount-format", "NB_RETURN_DB_AMOUNT \" 899,00\" is 899,00 in the handbook's form; the bank may change the format, and the MAC uses it exactly as received", "NB_RETURN_DB_AMOUNT ” 899,00” är 899,00 i handbokens format; banken kan ändra formatet, och MAC:en beräknas på värdet exakt som det togs emot", undefined],
  ["payDirectReturn", "NB_RETURN_DB_AMOUNT", "899,00 ", "warning", "amount-format", "NB_RETURN_DB_AMOUNT \"899,00 \" is 899,00 in the handbook's form; the bank may change the format, and the MAC uses it exactly as received", "NB_RETURN_DB_AMOUNT ”899,00 ” är 899,00 i handbokens format; banken kan ändra formatet, och MAC:en beräknas på värdet exakt som det togs emot", undefined],
  ["payDirect", "NB_DB_AMOUNT", "1,899.00", "error", "amount-decimal-point", "NB_DB_AMOUNT must use a decimal comma: 1899,00", "NB_DB_AMOUNT ska ha decimalkomma: 1899,00", "1899,00"],
  ["payDirect", "NB_DB_AMOUNT", "12,345,678.90", "error", "amount-decimal-point", "NB_DB_AMOUNT must use a decimal comma: 12345678,90", "NB_DB_AMOUNT ska ha decimalkomma: 12345678,90", "12345678,90"],
  ["payDirect", "NB_DB_AMOUNT", "1,234", "error", "amount-invalid", "NB_DB_AMOUNT \"1,234\" is not an amount; write digits, a decimal comma and two decimals: 550,00", "NB_DB_AMOUNT ”1,234” är inget belopp; skriv siffror, decimalkomma och två decimaler: 550,00", undefined],
  ["payDirect", "NB_DB_AMOUNT", "1,234.5", "error", "amount-decimal-point", "NB_DB_AMOUNT must use a decimal comma: 1234,50", "NB_DB_AMOUNT ska ha decimalkomma: 1234,50", "1234,50"],
  ["payDirect", "NB_DB_AMOUNT", "1234.5", "error", "amount-decimal-point", "NB_DB_AMOUNT must use a decimal comma: 1234,50", "NB_DB_AMOUNT ska ha decimalkomma: 1234,50", "1234,50"],
  ["payDirect", "NB_DB_AMOUNT", "1.234,50", "warning", "amount-grouping", "NB_DB_AMOUNT \"1.234,50\" has a thousands separator; the handbook’s form is 1234,50, and whether the bank accepts a separator is unknown", "NB_DB_AMOUNT ”1.234,50” har tusentalsavgränsare; handbokens form är 1234,50, och om banken godtar en avgränsare är okänt", "1234,50"],
  ["payDirect", "NB_DB_AMOUNT", "1234,567.50", "error", "amount-invalid", "NB_DB_AMOUNT \"1234,567.50\" is not an amount; write digits, a decimal comma and two decimals: 550,00", "NB_DB_AMOUNT ”1234,567.50” är inget belopp; skriv siffror, decimalkomma och två decimaler: 550,00", undefined],
  ["payDirect", "NB_DB_CUR", " sek", "error", "currency-format", "NB_DB_CUR must be written exactly SEK", "NB_DB_CUR ska skrivas exakt SEK", "SEK"],
  ["repaymentResponse", "NB_RATE", "x8,91", "warning", "rate-format", "NB_RATE \"x8,91\" is not written like 8,91", "NB_RATE ”x8,91” är inte skrivet i formatet 8,91", undefined],
  ["repaymentResponse", "NB_RATE", "8,91x", "warning", "rate-format", "NB_RATE \"8,91x\" is not written like 8,91", "NB_RATE ”8,91x” är inte skrivet i formatet 8,91", undefined],
  ["repaymentResponse", "NB_RATE", "18,91", "ok", "ok", "OK", "OK", undefined],
  ["paymentCheckResponse", "NB_VERIFIED", " NO ", "warning", "status-format", "NB_VERIFIED \" NO \" is read as NO", "NB_VERIFIED ” NO ” läses som NO", "NO"],
  ["payDirectReturn", "NB_RETURN_STAMP", "000000000000000000002 ", "error", "too-long", "NB_RETURN_STAMP is 22 characters; at most 20", "NB_RETURN_STAMP är 22 tecken; högst 20", undefined],
  ["payDirectReturn", "NB_RETURN_STAMP", "xxxxxxxxxxxxxxxxxxxx ", "warning", "padded", "NB_RETURN_STAMP is 21 characters with its padding; the handbook says at most 20, and the MAC uses it exactly as received", "NB_RETURN_STAMP är 21 tecken med utfyllnad; handboken säger högst 20, och MAC:en beräknas på värdet exakt som det togs emot", undefined],
  ["payDirectReturn", "NB_RETURN_STAMP", "xxxxxxxxxxxxxxxxxxx ", "warning", "whitespace", "NB_RETURN_STAMP has trailing whitespace; it is sent and signed as it stands — remove it unless the other side expects it", "NB_RETURN_STAMP har avslutande blanktecken; värdet skickas och signeras precis som det står — ta bort dem om inte mottagaren väntar sig dem", "xxxxxxxxxxxxxxxxxxx"],
  ["payDirect", "NB_STAMP", "a\rb", "error", "control-character", "NB_STAMP has a line break at position 2; remove it", "NB_STAMP har en radbrytning på position 2; ta bort tecknet", "ab"],
  ["payDirect", "NB_STAMP", "ab", "error", "control-character", "NB_STAMP has a control character at position 2; remove it", "NB_STAMP har ett styrtecken på position 2; ta bort tecknet", "ab"],
  ["payDirect", "NB_VERSION", "0002 ", "error", "too-long", "NB_VERSION is 5 characters; at most 4", "NB_VERSION är 5 tecken; högst 4", undefined],
  ["payDirect", "NB_VERSION", "00a2", "error", "version", "NB_VERSION is \"00a2\"; this version of the service takes exactly 0002 (the bank answers \"felaktigt angiven version från butiken\")", "NB_VERSION är ”00a2”; den här versionen av tjänsten kräver exakt 0002 (banken svarar ”felaktigt angiven version från butiken”)", "0002"],
  ["payDirect", "NB_DB_CUR", "SEK ", "error", "currency-space", "NB_DB_CUR \"SEK \" has spaces; a request’s currency is exactly SEK", "NB_DB_CUR ”SEK ” har blanktecken; valutan i en förfrågan är exakt SEK", "SEK"],
  ["payDirect", "NB_DB_AMOUNT", "899,00 ", "error", "whitespace", "NB_DB_AMOUNT has spaces around it; write 899,00", "NB_DB_AMOUNT har mellanslag runt värdet; skriv 899,00", "899,00"],
  ["payDirectReturn", "NB_PAID", " 2026-11-23", "warning", "whitespace", "NB_PAID has leading whitespace; it is sent and signed as it stands — remove it unless the other side expects it", "NB_PAID har inledande blanktecken; värdet skickas och signeras precis som det står — ta bort dem om inte mottagaren väntar sig dem", "2026-11-23"],
  ["payDirectReturn", "NB_RETURN_DB_CUR", "sek ", "warning", "currency-format", "NB_RETURN_DB_CUR \"sek \" means SEK; the bank may send it so, and the MAC uses it exactly as received", "NB_RETURN_DB_CUR ”sek ” betyder SEK; banken kan skicka det så, och MAC:en beräknas på värdet exakt som det togs emot", undefined],
];

const view = (r: ValidationRow) => [r.name, r.level, r.code];

describe('validateFields: the row each value gets', () => {
  it('every right message of the table is all OK rows', () => {
    for (const [kind, fields] of Object.entries(BASE)) {
      const rows = validateFields(kind as MessageKind, fields);
      expect(rows.map((r) => [r.name, r.level, r.ok, r.code, r.message.en, r.message.sv]), kind).to.deep.equal(Object.keys(fields).map((name) => [name, 'ok', true, 'ok', 'OK', 'OK']));
      expect(verdict(rows)).to.equal('ok');
    }
  });

  for (const [kind, name, value, level, code, en, sv, suggestion] of ROWS) {
    it(`${kind} ${name} ${JSON.stringify(value)}: ${code}`, () => {
      const rows = validateFields(kind as MessageKind, { ...BASE[kind], [name]: value });
      const row = rows.find((r) => r.name === name)!;
      expect({ level: row.level, ok: row.ok, code: row.code, en: row.message.en, sv: row.message.sv, suggestion: row.suggestion }).to.deep.equal({ level, ok: level !== 'error', code, en, sv, suggestion });
      expect([row.value, row.length, row.spec?.name]).to.deep.equal([value, [...value].length, name]);
      // The other rows stay OK, and the verdict is the row's.
      expect(rows.filter((r) => r !== row).map((r) => r.code)).to.deep.equal(rows.filter((r) => r !== row).map(() => 'ok'));
      expect(verdict(rows)).to.equal(level);
    });
  }
});

describe('validateFields: the rows of a whole message', () => {
  it('a copy, a misspelled field, an unknown field, then a row per missing mandatory field', () => {
    const rows = validateFields('paymentCheck', [
      { name: 'NB_VERSION', value: '0002' },
      { name: 'NB_RCV_ID', value: '1' },
      { name: 'NB_RCV_ID', value: '2' },
      { name: 'NB_STAMPP', value: '1' },
      { name: 'NB_FOO', value: 'x' },
    ]);
    expect(rows.map((r) => [r.name, r.value, r.length, r.level, r.ok, r.code, r.suggestion ?? null, r.spec?.name ?? null])).to.deep.equal([
      ['NB_VERSION', '0002', 4, 'ok', true, 'ok', null, 'NB_VERSION'],
      ['NB_RCV_ID', '1', 1, 'ok', true, 'ok', null, 'NB_RCV_ID'],
      ['NB_RCV_ID', '2', 1, 'error', false, 'duplicate', null, 'NB_RCV_ID'],
      ['NB_STAMPP', '1', 1, 'error', false, 'misspelled-field', 'NB_STAMP', null],
      ['NB_FOO', 'x', 1, 'warning', true, 'unknown-field', null, null],
      ['NB_STAMP', null, 0, 'error', false, 'missing', null, 'NB_STAMP'],
      ['NB_HMAC', null, 0, 'error', false, 'mac-missing', null, 'NB_HMAC'],
      ['NB_KVV', null, 0, 'error', false, 'kvv-missing', null, 'NB_KVV'],
    ]);
    expect(rows.slice(2, 6).map((r) => r.message)).to.deep.equal([
      { en: 'NB_RCV_ID is posted more than once; the bank reads one — remove this copy', sv: 'NB_RCV_ID skickas mer än en gång; banken läser bara ett av dem — ta bort den här kopian' },
      { en: 'NB_STAMPP is not a field of this message; did you mean NB_STAMP?', sv: 'NB_STAMPP är inget fält i detta meddelande; menade du NB_STAMP?' },
      { en: 'NB_FOO is not part of Payment check: shop → bank; it is not signed and the bank ignores it', sv: 'NB_FOO ingår inte i Betalningskontroll: butik → bank; det signeras inte och banken bortser från det' },
      {
        en: 'NB_STAMP is missing; it is mandatory (Payment id, unique per payment: it is what prevents double billing)',
        sv: 'NB_STAMP saknas; fältet är obligatoriskt (Betalnings-ID, unikt för varje betalning: det förhindrar dubbel fakturering)',
      },
    ]);
    expect(verdict(rows)).to.equal('error');
  });

  it('ERR: a MAC there is noted, an empty KVV is fine, the alias is named and what is missing is only a warning', () => {
    const rows = validateFields('paymentCheckResponse', { NB_VERIFIED: 'ERR', NB_HMAC: H, NB_KVV: '', NB_ERR_DESCR: 'x' });
    expect(rows.map((r) => [r.name, r.level, r.code, r.suggestion ?? null])).to.deep.equal([
      ['NB_VERIFIED', 'ok', 'ok', null],
      ['NB_HMAC', 'warning', 'mac-on-unsigned', null],
      ['NB_KVV', 'ok', 'ok', null],
      ['NB_ERR_DESCR', 'warning', 'alias', 'NB_ERROR_DESCR'],
      ['NB_RETURN_STAMP', 'warning', 'missing', null],
    ]);
    expect(rows.map((r) => r.message.en).filter((m) => m !== 'OK')).to.deep.equal([
      'NB_VERIFIED is ERR: the bank computes no MAC then, yet NB_HMAC has a value',
      "NB_ERR_DESCR is the spelling of the handbook's example; its table says NB_ERROR_DESCR",
      'NB_RETURN_STAMP is missing (NB_VERIFIED is ERR)',
    ]);
    expect(rows.map((r) => r.message.sv).filter((m) => m !== 'OK')).to.deep.equal([
      'NB_VERIFIED är ERR: banken beräknar ingen MAC då, men NB_HMAC har ett värde',
      'NB_ERR_DESCR är stavningen i handbokens exempel; handbokens tabell säger NB_ERROR_DESCR',
      'NB_RETURN_STAMP saknas (NB_VERIFIED är ERR)',
    ]);
    expect(verdict(rows)).to.equal('warning');
  });

  it('ERR with an empty NB_HMAC and an empty field that is otherwise mandatory: nothing to say', () => {
    const rows = validateFields('paymentCheckResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '', NB_HMAC: '', NB_KVV: '' });
    expect(rows.map(view)).to.deep.equal([
      ['NB_VERIFIED', 'ok', 'ok'],
      ['NB_RETURN_STAMP', 'ok', 'ok'],
      ['NB_HMAC', 'ok', 'ok'],
      ['NB_KVV', 'ok', 'ok'],
    ]);
    const empty = validateFields('paymentCheckResponse', { NB_VERIFIED: '', NB_RETURN_STAMP: '1', NB_HMAC: H, NB_KVV: K });
    expect(empty.map(view)[0]).to.deep.equal(['NB_VERIFIED', 'error', 'empty']);
  });

  it('with a key: NB_HMAC and NB_KVV against it, the MAC by WebCrypto', async () => {
    const mac = await webMac(TEST_KEY, '999999&1');
    const fields = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '1', NB_HMAC: H, NB_KVV: K };
    const rows = validateFields('paymentCheck', fields, { key: TEST_KEY });
    expect(rows.map(view)).to.deep.equal([
      ['NB_VERSION', 'ok', 'ok'],
      ['NB_RCV_ID', 'ok', 'ok'],
      ['NB_STAMP', 'ok', 'ok'],
      ['NB_HMAC', 'error', 'mac-mismatch'],
      ['NB_KVV', 'error', 'kvv-mismatch'],
    ]);
    expect(rows[3]!.message.en).to.equal(`NB_HMAC does not match: with the key and UTF-8 the MAC of "999999&1" is ${mac}, the message says ${H}`);
    expect(rows[3]!.message.sv).to.equal(`NB_HMAC stämmer inte; med nyckeln och UTF-8 är MAC:en för ”999999&1” ${mac}, men meddelandet har ${H}`);
    expect(rows[4]!.suggestion).to.equal(TEST_KVV);
    const right = validateFields('paymentCheck', { ...fields, NB_HMAC: mac, NB_KVV: TEST_KVV }, { key: TEST_KEY });
    expect(right.map((r) => r.code)).to.deep.equal(['ok', 'ok', 'ok', 'ok', 'ok']);
    const latin = validateFields('paymentCheck', { ...fields, NB_STAMP: 'å', NB_HMAC: await webMac(TEST_KEY, '999999&å') }, { key: TEST_KEY, encoding: 'iso-8859-1' });
    expect(latin.find((r) => r.name === 'NB_HMAC')!.message.en).to.contain('with the key and ISO-8859-1 (Latin-1) the MAC of "999999&å"');
    const lower = validateFields('paymentCheck', { ...fields, NB_HMAC: mac.toLowerCase(), NB_KVV: TEST_KVV.toLowerCase() }, { key: TEST_KEY });
    expect(lower.slice(3).map(view)).to.deep.equal([
      ['NB_HMAC', 'warning', 'hex-case'],
      ['NB_KVV', 'warning', 'hex-case'],
    ]);
  });

  it('with a key, missing or empty NB_HMAC and NB_KVV say what the key gives', async () => {
    const mac = await webMac(TEST_KEY, '999999&1');
    const rows = validateFields('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '1', NB_KVV: '' }, { key: TEST_KEY });
    expect(rows.slice(3).map((r) => [r.name, r.value, r.code, r.message.en, r.message.sv, r.suggestion])).to.deep.equal([
      [
        'NB_KVV',
        '',
        'kvv-missing',
        `NB_KVV is empty; the handbook makes it mandatory in every signed message (with this key: ${TEST_KVV})`,
        `NB_KVV är tomt; enligt handboken är det obligatoriskt i varje signerat meddelande (med den här nyckeln: ${TEST_KVV})`,
        TEST_KVV,
      ],
      [
        'NB_HMAC',
        null,
        'mac-missing',
        `NB_HMAC is missing; this message is signed, so it must carry the MAC (with this key: ${mac})`,
        `NB_HMAC saknas; meddelandet signeras, så det ska ha en MAC (med den här nyckeln: ${mac})`,
        mac,
      ],
    ]);
  });

  it('a bad key is one more row, named key, and the MAC is not checked', () => {
    const rows = validateFields('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '1', NB_HMAC: H }, { key: 'XYZ' });
    expect(rows.map(view)).to.deep.equal([
      ['NB_VERSION', 'ok', 'ok'],
      ['NB_RCV_ID', 'ok', 'ok'],
      ['NB_STAMP', 'ok', 'ok'],
      ['NB_HMAC', 'ok', 'ok'],
      ['NB_KVV', 'error', 'kvv-missing'],
      ['key', 'error', 'key'],
    ]);
    expect(rows[5]!.message).to.deep.equal({
      en: 'The key\'s character "X" at position 1 is not hexadecimal; use only 0–9 and A–F',
      sv: 'Nyckelns tecken ”X” på position 1 är inte hexadecimalt; använd bara 0–9 och A–F',
    });
    expect(rows[4]!.suggestion).to.equal(undefined);
  });

  it('a check digit the shop opted into: a wrong one is a warning with the right reference; too short says so', () => {
    const luhnRows = validateFields('payDirect', BASE.payDirect!, { checkDigit: 'luhn' });
    // Only the reference carries a check digit: NB_RCV_ID 999999 and NB_STAMP 00002 are not checked.
    expect(luhnRows.filter((r) => r.code !== 'ok').map((r) => r.name)).to.deep.equal(['NB_DB_REF']);
    const luhn = luhnRows.find((r) => r.name === 'NB_DB_REF')!;
    expect([luhn.level, luhn.code, luhn.suggestion, luhn.message.en, luhn.message.sv]).to.deep.equal([
      'warning',
      'reference-check-digit',
      '123455',
      'NB_DB_REF 123450 does not end in its Luhn (modulus 10) check digit: with 12345 it would be 123455',
      'NB_DB_REF 123450 slutar inte med sin kontrollsiffra enligt Luhn (modulus 10): med 12345 blir det 123455',
    ]);
    expect(validateFields('payDirect', { ...BASE.payDirect!, NB_DB_REF: '123455' }, { checkDigit: 'luhn' }).find((r) => r.name === 'NB_DB_REF')!.code).to.equal('ok');
    expect(validateFields('payDirect', BASE.payDirect!, { checkDigit: 'none' }).find((r) => r.name === 'NB_DB_REF')!.code).to.equal('ok');
    const short = validateFields('payDirect', { ...BASE.payDirect!, NB_DB_REF: '5' }, { checkDigit: '731' }).find((r) => r.name === 'NB_DB_REF')!;
    expect([short.level, short.code, short.suggestion, short.message.en, short.message.sv]).to.deep.equal([
      'warning',
      'reference-check-digit',
      undefined,
      'NB_DB_REF "5" cannot carry a 7-3-1 check digit: it needs at least two digits',
      'NB_DB_REF ”5” kan inte ha en kontrollsiffra enligt 7-3-1: det behövs minst två siffror',
    ]);
  });

  it('a pay direct’s NB_STAMP used before is a warning saying when; a payment check’s is not', () => {
    const used = new Map([['00002', '2026-11-20T10:00:00Z']]);
    const row = validateFields('payDirect', BASE.payDirect!, { usedStamps: used }).find((r) => r.name === 'NB_STAMP')!;
    expect([row.level, row.code, row.message.en, row.message.sv]).to.deep.equal([
      'warning',
      'stamp-used',
      'NB_STAMP 00002 was already used on 2026-11-20 11:00 Swedish time, in an earlier payment; the bank pays each NB_STAMP once, its guard against double billing — give every payment a new NB_STAMP',
      'NB_STAMP 00002 användes redan 2026-11-20 11.00 svensk tid, i en tidigare betalning; banken betalar varje NB_STAMP bara en gång, som skydd mot dubbel fakturering — ge varje betalning ett nytt NB_STAMP',
    ]);
    expect(validateFields('payDirect', { ...BASE.payDirect!, NB_STAMP: '00003' }, { usedStamps: used }).find((r) => r.name === 'NB_STAMP')!.code).to.equal('ok');
    const check = validateFields('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_HMAC: H, NB_KVV: K }, { usedStamps: used });
    expect(check.map((r) => r.code)).to.deep.equal(['ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('verdict is the worst level of the rows', () => {
    expect(verdict([])).to.equal('ok');
    expect(verdict([{ level: 'ok' }, { level: 'warning' }, { level: 'ok' }])).to.equal('warning');
    expect(verdict([{ level: 'warning' }, { level: 'error' }, { level: 'ok' }])).to.equal('error');
  });
});
