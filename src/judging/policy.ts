/**
 * One policy for everything the toolkit tolerates, and its verdict: a MAC in lower case or in
 * groups, NB_KVV missing or wrong, an echoed stamp that differs in case, an amount with a no-break
 * space, NB_VERSION 0001… Each entry says what the bank is known to do (or that nobody knows),
 * what the toolkit concludes, and at which level, for a request (shop → bank) and for an answer
 * (bank → shop). `verifyMessage`, `diagnoseMac`, `validateFields`, the decoder's cross-check, the
 * receipt and the checkout all take their findings from the functions below, so the same message
 * gets the same verdict, in the same words, from every tool.
 */
import { ENCODING_NAMES, type Encoding } from '../protocol/encoding.ts';
import { compactHex, computeKvv, kvvsOfKeyAsText, readHex } from '../protocol/key.ts';
import { excerpt, quoted, text, type Text } from '../protocol/text.ts';
import { formatZoned } from '../protocol/time.ts';
import { BIDI_CONTROL, codePoint, LONE_SURROGATE } from '../protocol/visible.ts';

/** A request the shop sends, or an answer the bank sends. */
export type Direction = 'shopToBank' | 'bankToShop';

/** `info` does not change the verdict; `warning` and `error` do. */
export type PolicyLevel = 'error' | 'warning' | 'info';

export type PolicyCode =
  | 'mac-missing'
  | 'mac-mismatch'
  | 'hex-case'
  | 'hex-spacing'
  | 'kvv-missing'
  | 'kvv-mismatch'
  | 'kvv-key-as-text'
  | 'echo-different'
  | 'echo-case'
  | 'echo-whitespace'
  | 'amount-grouping'
  | 'currency-space'
  | 'version-old'
  | 'signed-ampersand'
  | 'bidi-control'
  | 'lone-surrogate';

/** One tolerance and its verdict. */
export interface PolicyEntry {
  /** What is seen in the message. */
  readonly seen: Text;
  /** What the bank does with it: `known` from the handbook, or `unknown` (nothing public says). */
  readonly bank: { readonly known: boolean; readonly does: Text };
  /** What the toolkit concludes. */
  readonly conclusion: Text;
  readonly level: Readonly<Record<Direction, PolicyLevel>>;
}

const UNKNOWN = text('Unknown: the handbook does not say, and nothing public does.', 'Okänt: handboken säger inget, och ingen annan offentlig källa heller.');

/** The policy, as data: one entry per tolerance. The README's table is generated from it. */
export const POLICY: Readonly<Record<PolicyCode, PolicyEntry>> = {
  'mac-missing': {
    seen: text('NB_HMAC absent or empty in a signed message', 'NB_HMAC saknas eller är tomt i ett signerat meddelande'),
    bank: { known: true, does: text('Mandatory in every signed message (handbook tables 1–6).', 'Obligatoriskt i varje signerat meddelande (handbokens tabell 1–6).') },
    conclusion: text('Not verified.', 'Inte verifierat.'),
    level: { shopToBank: 'error', bankToShop: 'error' },
  },
  'mac-mismatch': {
    seen: text('NB_HMAC is not the MAC of the signed fields under the key', 'NB_HMAC är inte MAC:en för de signerade fälten med nyckeln'),
    bank: {
      known: true,
      does: text('Refuses the payment; a check or repayment request is answered "Not Found".', 'Avvisar betalningen; en betalningskontroll eller återbetalning besvaras med ”Not Found”.'),
    },
    conclusion: text('Not verified; the doctor looks for the cause.', 'Stämmer inte; felsökaren letar efter orsaken.'),
    level: { shopToBank: 'error', bankToShop: 'error' },
  },
  'hex-case': {
    seen: text('NB_HMAC or NB_KVV in lower or mixed case', 'NB_HMAC eller NB_KVV med gemener eller blandat'),
    bank: {
      known: false,
      does: text(
        'Writes upper case. Whether it accepts lower case from a shop is unknown. Shops that compare receipts case-sensitively (as a public .NET library does) refuse lower case.',
        'Skriver versaler. Om banken godtar gemener från en butik är okänt. Butiker som jämför kvitton skiftlägeskänsligt (som ett offentligt .NET-bibliotek gör) avvisar gemener.',
      ),
    },
    conclusion: text('Compared without regard to case: the MAC verifies. Send upper case.', 'Jämförs utan hänsyn till skiftläge: MAC:en stämmer. Skicka versaler.'),
    level: { shopToBank: 'warning', bankToShop: 'info' },
  },
  'hex-spacing': {
    seen: text('NB_HMAC or NB_KVV in groups of four, or with spaces around it', 'NB_HMAC eller NB_KVV i grupper om fyra, eller med blanktecken runt'),
    bank: { known: false, does: UNKNOWN },
    conclusion: text(
      'Compared without the spaces: the MAC verifies. Send the 32 characters without spaces.',
      'Jämförs utan blanktecknen: MAC:en stämmer. Skicka de 32 tecknen utan blanktecken.',
    ),
    level: { shopToBank: 'warning', bankToShop: 'warning' },
  },
  'kvv-missing': {
    seen: text('NB_KVV absent or empty in a signed message', 'NB_KVV saknas eller är tomt i ett signerat meddelande'),
    bank: { known: true, does: text('Mandatory in every signed message (handbook tables 1–6).', 'Obligatoriskt i varje signerat meddelande (handbokens tabell 1–6).') },
    conclusion: text('The message is incomplete, even when its MAC verifies.', 'Meddelandet är ofullständigt, även när MAC:en stämmer.'),
    level: { shopToBank: 'error', bankToShop: 'error' },
  },
  'kvv-mismatch': {
    seen: text('NB_KVV is not the KVV of the key', 'NB_KVV är inte KVV:n för nyckeln'),
    bank: {
      known: true,
      does: text('The KVV tells which key signed; another KVV means another key.', 'KVV:n visar vilken nyckel som signerade; en annan KVV betyder en annan nyckel.'),
    },
    conclusion: text('An error, whatever the MAC says.', 'Ett fel, vad MAC:en än säger.'),
    level: { shopToBank: 'error', bankToShop: 'error' },
  },
  'kvv-key-as-text': {
    seen: text(
      'NB_KVV is the KVV of the key used as text (05CD… for the test key)',
      'NB_KVV är KVV:n för nyckeln använd som text (05CD… för testnyckeln)',
    ),
    bank: { known: true, does: text('The key is 16 bytes written in hex; its text gives another key.', 'Nyckeln är 16 byte skrivna hexadecimalt; dess text ger en annan nyckel.') },
    conclusion: text('An error: the signer uses the key’s text, not its bytes.', 'Ett fel: signeraren använder nyckelns text, inte dess byte.'),
    level: { shopToBank: 'error', bankToShop: 'error' },
  },
  'echo-different': {
    seen: text('NB_RETURN_STAMP or NB_RETURN_DB_REF is not the order’s', 'NB_RETURN_STAMP eller NB_RETURN_DB_REF är inte orderns'),
    bank: { known: true, does: text('Echoes the shop’s value as it was sent.', 'Skickar tillbaka butikens värde som det skickades.') },
    conclusion: text('The answer is not for this order: do not deliver on it.', 'Svaret gäller inte den här ordern: leverera inte ordern.'),
    level: { shopToBank: 'error', bankToShop: 'error' },
  },
  'echo-case': {
    seen: text(
      'NB_RETURN_STAMP or NB_RETURN_DB_REF differs from the order only in case',
      'NB_RETURN_STAMP eller NB_RETURN_DB_REF skiljer sig från ordern bara i skiftläge',
    ),
    bank: { known: true, does: text('Echoes the shop’s value as it was sent.', 'Skickar tillbaka butikens värde som det skickades.') },
    conclusion: text('Another value: do not deliver on it.', 'Ett annat värde: leverera inte ordern.'),
    level: { shopToBank: 'error', bankToShop: 'error' },
  },
  'echo-whitespace': {
    seen: text(
      'NB_RETURN_STAMP or NB_RETURN_DB_REF differs from the order only in spaces around it',
      'NB_RETURN_STAMP eller NB_RETURN_DB_REF skiljer sig från ordern bara i blanktecken runt värdet',
    ),
    bank: { known: false, does: UNKNOWN },
    conclusion: text('Not the value sent: confirm with a payment check before you deliver.', 'Inte värdet som skickades: bekräfta med en betalningskontroll innan du levererar.'),
    level: { shopToBank: 'error', bankToShop: 'error' },
  },
  'amount-grouping': {
    seen: text(
      'An amount with a thousands separator, e.g. 1 234,50 with a no-break space (as Swedish number formatting and a public .NET library write it)',
      'Ett belopp med tusentalsavgränsare, t.ex. 1 234,50 med hårt mellanslag (som svensk talformatering och ett offentligt .NET-bibliotek skriver det)',
    ),
    bank: {
      known: false,
      does: text(
        'The handbook’s form is 1234,50. Whether the bank accepts a separator in a request is unknown; in an answer it may change the format.',
        'Handbokens form är 1234,50. Om banken godtar en avgränsare i en förfrågan är okänt; i ett svar kan banken ändra formatet.',
      ),
    },
    conclusion: text(
      'The MAC uses the value as sent. Compared with the order by amount.',
      'MAC:en beräknas på värdet som det skickades. Jämförs med ordern efter belopp.',
    ),
    level: { shopToBank: 'warning', bankToShop: 'info' },
  },
  'currency-space': {
    seen: text('A currency with spaces around it, e.g. " SEK"', 'En valuta med blanktecken runt, t.ex. ” SEK”'),
    bank: {
      known: true,
      does: text(
        'The handbook’s own answers show " SEK"; a request’s currency is AN3, exactly SEK or EUR.',
        'Handbokens egna svar visar ” SEK”; valutan i en förfrågan är AN3, exakt SEK eller EUR.',
      ),
    },
    conclusion: text(
      'In an answer: the same currency, and the MAC uses it as received. In a request: an error.',
      'I ett svar: samma valuta, och MAC:en beräknas på värdet som det togs emot. I en förfrågan: ett fel.',
    ),
    level: { shopToBank: 'error', bankToShop: 'info' },
  },
  'version-old': {
    seen: text('NB_VERSION 0001', 'NB_VERSION 0001'),
    bank: {
      known: false,
      does: text(
        'The handbook (0702) says 0002. A shop platform’s manual tells merchants to try 0001 when the bank answers "felaktigt angiven version från butiken".',
        'Handboken (0702) säger 0002. Enligt en butiksplattforms manual ska säljföretaget prova 0001 när banken svarar ”felaktigt angiven version från butiken”.',
      ),
    },
    conclusion: text('A warning that explains both readings, not an error.', 'En varning som förklarar båda tolkningarna, inte ett fel.'),
    level: { shopToBank: 'warning', bankToShop: 'warning' },
  },
  'signed-ampersand': {
    seen: text('An "&" inside a signed value (a payment id or other free text)', 'Ett ”&” i ett signerat värde (ett betalnings-ID eller annan fritext)'),
    bank: { known: false, does: UNKNOWN },
    conclusion: text(
      'The MAC string joins values with "&", so it no longer says where the value ends ("A&B" then "C" signs as "A&B&C", like "A" then "B&C"). The MAC is checked as sent; avoid "&" in signed values.',
      'I MAC-strängen sammanfogas värdena med ”&”, så det går inte längre att se var värdet slutar (”A&B” följt av ”C” signeras som ”A&B&C”, precis som ”A” följt av ”B&C”). MAC:en kontrolleras som den skickades; undvik ”&” i signerade värden.',
    ),
    level: { shopToBank: 'info', bankToShop: 'info' },
  },
  'bidi-control': {
    seen: text('A direction control (U+202E and the like) in a field’s name or value', 'Ett riktningstecken (U+202E och liknande) i ett fälts namn eller värde'),
    bank: {
      known: false,
      does: text(
        'Signs the characters as received; how it shows or stores them is unknown. Shown on a page, a direction control reorders what follows: U+202E before 054321 shows 123450.',
        'Signerar tecknen som de tas emot; hur banken visar eller lagrar dem är okänt. På en sida vänder ett riktningstecken det som följer: U+202E före 054321 visas som 123450.',
      ),
    },
    conclusion: text('The value is not what it looks like: shown here with the control as its code point. Remove it.', 'Värdet är inte vad det ser ut att vara: här visas tecknet med sin kodpunkt. Ta bort det.'),
    level: { shopToBank: 'warning', bankToShop: 'warning' },
  },
  'lone-surrogate': {
    seen: text('Half of a surrogate pair, alone, in a field’s name or value', 'Ett ensamt halvt surrogatpar i ett fälts namn eller värde'),
    bank: {
      known: false,
      does: text('Unknown. It is no character: UTF-8 and ISO-8859-1 cannot hold it, and the MAC here is computed over U+FFFD (or ?) in its place.', 'Okänt. Det är inget tecken: UTF-8 och ISO-8859-1 kan inte återge det, och MAC:en beräknas här med U+FFFD (eller ?) i dess ställe.'),
    },
    conclusion: text('Signed as U+FFFD; a shop’s own code may sign it otherwise. Remove it.', 'Signeras som U+FFFD; butikens egen kod kan signera det annorlunda. Ta bort det.'),
    level: { shopToBank: 'warning', bankToShop: 'warning' },
  },
};

/** One finding of the policy: the same code, level, field and words in every tool. */
export interface PolicyFinding {
  readonly code: PolicyCode;
  readonly level: PolicyLevel;
  readonly field: string;
  readonly message: Text;
  /** The value that would be right, when there is one. */
  readonly suggestion?: string;
}

function finding(code: PolicyCode, direction: Direction, field: string, message: Text, suggestion?: string): PolicyFinding {
  return { code, level: POLICY[code].level[direction], field, message, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/**
 * How NB_HMAC or NB_KVV is written, when it is 32 hexadecimal characters once white space is
 * removed: spaces (groups, around it) and case. Nothing for a value written as the bank writes it.
 */
export function hexWriting(field: 'NB_HMAC' | 'NB_KVV', value: string, direction: Direction): PolicyFinding[] {
  const read = readHex(value);
  if (!/^[0-9A-Fa-f]{32}$/.test(read.compact)) return [];
  const found: PolicyFinding[] = [];
  const fix = read.compact.toUpperCase();
  if (read.spaced) {
    found.push(
      finding(
        'hex-spacing',
        direction,
        field,
        text(
          `${field} is written with spaces ("${value}"); it was compared without them. The bank’s handling of spaces is unknown: send ${fix}`,
          `${field} är skrivet med blanktecken (”${value}”); det jämfördes utan dem. Hur banken hanterar blanktecken är okänt: skicka ${fix}`,
        ),
        fix,
      ),
    );
  }
  if (read.case === 'lower' || read.case === 'mixed') {
    const en = read.case === 'lower' ? 'lower case' : 'mixed case';
    const sv = read.case === 'lower' ? 'gemener' : 'blandade versaler och gemener';
    found.push(
      finding(
        'hex-case',
        direction,
        field,
        direction === 'shopToBank'
          ? text(
              `${field} is in ${en}; it was compared without regard to case. The bank writes upper case and whether it accepts ${en} is unknown: send ${fix}`,
              `${field} är skrivet med ${sv}; det jämfördes utan hänsyn till skiftläge. Banken skriver versaler och om den godtar ${sv} är okänt: skicka ${fix}`,
            )
          : text(
              `${field} is in ${en}; it was compared without regard to case. The bank writes upper case, so your side (log, parser) changed it; a shop that compares case-sensitively refuses it`,
              `${field} är skrivet med ${sv}; det jämfördes utan hänsyn till skiftläge. Banken skriver versaler, så värdet har ändrats hos dig (i loggen eller parsern); en butik som jämför skiftlägeskänsligt avvisar det`,
            ),
        fix,
      ),
    );
  }
  return found;
}

/** NB_HMAC absent or empty in a message that is signed. */
export function macMissing(direction: Direction, givenMac: string | null | undefined, expectedMac: string | null): PolicyFinding {
  const missing = givenMac === null || givenMac === undefined;
  return finding(
    'mac-missing',
    direction,
    'NB_HMAC',
    text(
      `NB_HMAC is ${missing ? 'missing' : 'empty'}; this message is signed, so it must carry the MAC${expectedMac ? ` (with this key: ${expectedMac})` : ''}`,
      `NB_HMAC ${missing ? 'saknas' : 'är tomt'}; meddelandet signeras, så det ska ha en MAC${expectedMac ? ` (med den här nyckeln: ${expectedMac})` : ''}`,
    ),
    expectedMac ?? undefined,
  );
}

/** NB_HMAC is 32 hexadecimal characters, but not the MAC the key gives. `keyName` says which key (e.g. `key 2 of 3`). */
export function macMismatch(
  direction: Direction,
  given: { readonly mac: string; readonly expected: string; readonly macString: string; readonly encoding: Encoding },
  keyName: Text,
): PolicyFinding {
  const { expected: expectedMac, macString, encoding } = given;
  const name = ENCODING_NAMES[encoding];
  return finding(
    'mac-mismatch',
    direction,
    'NB_HMAC',
    text(
      `NB_HMAC does not match: with ${keyName.en} and ${name.en} the MAC of "${macString}" is ${expectedMac}, the message says ${readHex(given.mac).compact}`,
      `NB_HMAC stämmer inte; med ${keyName.sv} och ${name.sv} är MAC:en för ”${macString}” ${expectedMac}, men meddelandet har ${readHex(given.mac).compact}`,
    ),
  );
}

/** NB_KVV missing (`null`/`undefined`) or empty in a signed message; `kvv` is the key's, when one is known. */
export function kvvMissing(direction: Direction, givenKvv: string | null | undefined, kvv: string | null): PolicyFinding {
  const missing = givenKvv === null || givenKvv === undefined;
  return finding(
    'kvv-missing',
    direction,
    'NB_KVV',
    text(
      `NB_KVV is ${missing ? 'missing' : 'empty'}; the handbook makes it mandatory in every signed message${kvv ? ` (with this key: ${kvv})` : ''}`,
      `NB_KVV ${missing ? 'saknas' : 'är tomt'}; enligt handboken är det obligatoriskt i varje signerat meddelande${kvv ? ` (med den här nyckeln: ${kvv})` : ''}`,
    ),
    kvv ?? undefined,
  );
}

/**
 * NB_KVV against the key used: missing or empty, the KVV of the key used as text, or another key's
 * (`others` names the ring's other keys, to say which one it belongs to). `null` when it matches
 * (its writing is `hexWriting`'s) or is not 32 hexadecimal characters (the field check's).
 */
export function kvvCheck(direction: Direction, givenKvv: string | null | undefined, key: string, others: readonly { readonly key: string; readonly name: Text }[] = []): PolicyFinding | null {
  const kvv = computeKvv(key);
  if (givenKvv === null || givenKvv === undefined || givenKvv.trim() === '') return kvvMissing(direction, givenKvv, kvv);
  const given = compactHex(givenKvv);
  if (!/^[0-9A-F]{32}$/.test(given) || given === kvv) return null;
  if (kvvsOfKeyAsText(key).includes(given)) {
    return finding(
      'kvv-key-as-text',
      direction,
      'NB_KVV',
      text(
        `NB_KVV ${given} is the KVV of the key used as text: its hexadecimal characters were used as the HMAC key instead of the 16 bytes they stand for. Decode the key from hex; its KVV is ${kvv}`,
        `NB_KVV ${given} är KVV:n för nyckeln använd som text: dess hexadecimala tecken användes som HMAC-nyckel i stället för de 16 byte de står för. Avkoda nyckeln från hex; dess KVV är ${kvv}`,
      ),
      kvv,
    );
  }
  const owner = others.find((o) => computeKvv(o.key) === given);
  return finding(
    'kvv-mismatch',
    direction,
    'NB_KVV',
    owner
      ? text(
          `NB_KVV ${given} is not the KVV of the key used (${kvv}); it is the KVV of ${owner.name.en}`,
          `NB_KVV ${given} är inte KVV:n för nyckeln som användes (${kvv}); det är KVV:n för ${owner.name.sv}`,
        )
      : text(
          `NB_KVV ${given} is not the KVV of the key used (${kvv}): it was signed with another key, or the key here is mistyped`,
          `NB_KVV ${given} är inte KVV:n för nyckeln som användes (${kvv}): meddelandet signerades med en annan nyckel, eller så är nyckeln här felskriven`,
        ),
    kvv,
  );
}

/**
 * A value the bank echoes (NB_RETURN_STAMP, NB_RETURN_DB_REF) against the order's, compared exactly,
 * as the bank echoes it: `null` when it is the same, else why not — only case, only spaces around
 * it, or another value.
 */
export function compareEcho(field: string, orderField: string, received: string, sent: string): PolicyFinding | null {
  if (received === sent) return null;
  const [code, en, sv]: [PolicyCode, string, string] =
    received.trim() === sent.trim()
      ? ['echo-whitespace', 'only in spaces around it: not the value sent. Confirm with a payment check before you deliver', 'bara i blanktecken runt värdet: inte värdet som skickades. Bekräfta med en betalningskontroll innan du levererar']
      : received.toUpperCase() === sent.toUpperCase()
        ? ['echo-case', 'in case: the bank echoes the value as sent, so this is another value. Do not deliver on it', 'i skiftläge: banken skickar tillbaka värdet som det skickades, så detta är ett annat värde. Leverera inte på det']
        : ['echo-different', 'so this answer is not for this order. Do not deliver on it', 'så svaret gäller inte den här ordern. Leverera inte på det'];
  return finding(
    code,
    'bankToShop',
    field,
    text(`${field} "${received}" differs from the order’s ${orderField} "${sent}" ${en}`, `${field} ”${received}” skiljer sig från orderns ${orderField} ”${sent}” ${sv}`),
  );
}

/** An amount with a thousands separator; `canonical` is the handbook's form of it. */
export function amountGrouping(direction: Direction, field: string, value: string, canonical: string): PolicyFinding {
  const nbsp = /[\u00a0\u202f]/.test(value);
  return finding(
    'amount-grouping',
    direction,
    field,
    direction === 'shopToBank'
      ? text(
          `${field} "${value}" has a thousands separator${nbsp ? ' (a no-break space, as Swedish number formatting writes it)' : ''}; the handbook’s form is ${canonical}, and whether the bank accepts a separator is unknown`,
          `${field} ”${value}” har tusentalsavgränsare${nbsp ? ' (ett hårt mellanslag, som svensk talformatering skriver det)' : ''}; handbokens form är ${canonical}, och om banken godtar en avgränsare är okänt`,
        )
      : text(
          `${field} "${value}" is ${canonical} written with a thousands separator; the bank may change the format, and the MAC uses the value exactly as received`,
          `${field} ”${value}” är ${canonical} skrivet med tusentalsavgränsare; banken kan ändra formatet, och MAC:en beräknas på värdet exakt som det togs emot`,
        ),
    direction === 'shopToBank' ? canonical : undefined,
  );
}

/** A currency with spaces around it: ` SEK`. */
export function currencySpace(direction: Direction, field: string, value: string): PolicyFinding {
  const fixed = value.trim();
  return finding(
    'currency-space',
    direction,
    field,
    direction === 'shopToBank'
      ? text(
          `${field} "${value}" has spaces; a request’s currency is exactly ${fixed}`,
          `${field} ”${value}” har blanktecken; valutan i en förfrågan är exakt ${fixed}`,
        )
      : text(
          `${field} "${value}" is ${fixed} with spaces, as in the handbook’s own answers; the MAC uses it exactly as received`,
          `${field} ”${value}” är ${fixed} med blanktecken, som i handbokens egna svar; MAC:en beräknas på värdet exakt som det togs emot`,
        ),
    direction === 'shopToBank' ? fixed : undefined,
  );
}

/** An "&" inside a signed value: the MAC string, joined by "&", becomes ambiguous. */
export function signedAmpersand(direction: Direction, field: string, value: string): PolicyFinding {
  return finding(
    'signed-ampersand',
    direction,
    field,
    text(
      `${field} ${quoted(value)} holds "&", the MAC string's separator: the signed string no longer shows where ${field} ends, so another split of the same values signs alike. Avoid "&" in signed values`,
      `${field} ${quoted(value, 'sv')} innehåller ”&”, som är avgränsaren i MAC-strängen: i den signerade strängen går det inte att se var ${field} slutar, så samma tecken uppdelade på ett annat sätt ger samma MAC. Undvik ”&” i signerade värden`,
    ),
  );
}

/** NB_VERSION 0001: both readings explained. */
export function versionOld(direction: Direction, value: string): PolicyFinding {
  return finding(
    'version-old',
    direction,
    'NB_VERSION',
    text(
      `NB_VERSION is ${value}, the older version. The handbook (0702) says 0002, and the bank answers a wrong version with "felaktigt angiven version från butiken"; yet a shop platform’s manual tells merchants to try 0001 after that very answer, so some agreements ran on 0001. Use 0002 unless the bank told you your agreement uses 0001`,
      `NB_VERSION är ${value}, den äldre versionen. Handboken (0702) säger 0002, och banken svarar på fel version med ”felaktigt angiven version från butiken”; men enligt en butiksplattforms manual ska säljföretaget prova 0001 efter just det svaret, så vissa avtal gick på 0001. Använd 0002 om inte banken har sagt att ditt avtal använder 0001`,
    ),
    '0002',
  );
}

/**
 * Direction controls and lone surrogates in the fields' names and values: one finding per field
 * and kind, naming the code points (the first three) and where the first is.
 */
export function invisibleCharacters(direction: Direction, fields: Iterable<readonly [string, string]>): PolicyFinding[] {
  const found: PolicyFinding[] = [];
  for (const [name, value] of fields) {
    for (const [code, pattern] of [['bidi-control', BIDI_CONTROL], ['lone-surrogate', LONE_SURROGATE]] as const) {
      const inName = pattern.test(name);
      if (!inName && !pattern.test(value)) continue;
      const where = inName ? name : value;
      const global = new RegExp(pattern.source, 'g');
      const points = [...new Set([...where.matchAll(global)].slice(0, 50).map((m) => codePoint(m[0])))].slice(0, 3).join(', ');
      const at = where.search(pattern) + 1;
      const shown = excerpt(name.replace(global, (c) => `<${codePoint(c)}>`));
      found.push(
        finding(
          code,
          direction,
          name,
          code === 'bidi-control'
            ? text(
                `The ${inName ? 'name' : 'value'} of ${shown.en} holds the direction control ${points} (at position ${at}): it is signed, but shown reordered, so the value is not what it looks like — remove it`,
                `${inName ? 'Namnet' : 'Värdet'} i ${shown.sv} innehåller riktningstecknet ${points} (på position ${at}): det signeras, men visas omkastat, så värdet är inte vad det ser ut att vara — ta bort det`,
              )
            : text(
                `The ${inName ? 'name' : 'value'} of ${shown.en} holds half a surrogate pair, ${points} (at position ${at}): it is no character, and is signed as U+FFFD — remove it`,
                `${inName ? 'Namnet' : 'Värdet'} i ${shown.sv} innehåller ett halvt surrogatpar, ${points} (på position ${at}): det är inget tecken, och signeras som U+FFFD — ta bort det`,
              ),
        ),
      );
    }
  }
  return found;
}

const LEVEL_ORDER: Readonly<Record<PolicyLevel, number>> = { error: 0, warning: 1, info: 2 };

/** Findings sorted most important first (stable within a level). */
export function byLevel<T extends { readonly level: PolicyLevel }>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}

/** The date in Sweden (Europe/Stockholm), `YYYY-MM-DD`: the date a key is valid on and NB_PAID is written in. */
export function swedishDate(at: Date = new Date()): string {
  return swedishTime(at).slice(0, 10);
}

/** The wall-clock time in Sweden, `YYYY-MM-DD HH:MM:SS`, whatever the machine's time zone. */
export function swedishTime(at: Date): string {
  return formatZoned(at, 'Europe/Stockholm', true);
}
