// The rules that look at shapes rather than words: personal numbers and addresses (with their
// checksums, so an order number is not an IBAN), e-mail addresses, runs of capitals.
import type { Lang, Severity } from './domain.js';
import type { RuleId } from './rules.js';

export interface Hit {
  rule: RuleId;
  index: number;
  end: number;
  severity?: Severity;
  /** Says which kind of thing was found ("an IBAN"), after the rule's message. */
  detail?: Record<Lang, string>;
}

/** Capitals that are names, not shouting. Add a brand with `allow` (flag or config). */
export const ACRONYMS: ReadonlySet<string> = new Set(
  (
    'DM DMS PM PB ID OK KLM NS ING ABN AMRO KPN NOS RTL ANWB HEMA IKEA LEGO ASML UWV CJIB DUO GGD RIVM BSN IBAN PIN ' +
    'SIM SMS TV PC USB GPS PDF URL FAQ CEO NL BE EU UK US USA KVK BTW VAT OV RET GVB HTM QR CET CEST EUR USD GBP ' +
    'WIFI DHL UPS GLS DPD TNT XL XXL XS NB PS ICE NMBS SNCB EBS TUI SAS BA AF KL'
  ).split(' '),
);

type Kind = 'iban' | 'card' | 'bsn' | 'phone' | 'email' | 'address' | 'birth';
const DETAIL: Record<Kind, Record<Lang, string>> = {
  iban: { en: 'an IBAN', nl: 'een IBAN' },
  card: { en: 'a card number', nl: 'een kaartnummer' },
  bsn: { en: 'a citizen service number (BSN)', nl: 'een BSN' },
  phone: { en: 'a phone number', nl: 'een telefoonnummer' },
  email: { en: 'a personal e-mail address', nl: 'een persoonlijk e-mailadres' },
  address: { en: 'a street address or postcode', nl: 'een adres of postcode' },
  birth: { en: 'a date of birth', nl: 'een geboortedatum' },
};

const SEP = String.raw`[\s-]?`;
const MONTH = String.raw`(?:jan|feb|mrt|maart|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec)\p{L}*\.?`;
const DATE = String.raw`(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}|\d{1,2}\s${MONTH}\s(?:19|20)\d{2}|${MONTH}\s\d{1,2},?\s(?:19|20)\d{2})`;
const NOT_IN_WORD = String.raw`(?<![\w+])`;

const STREET_NL = 'straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|pad|dreef|plantsoen|markt|boulevard';
const STREET_EN = 'Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Close|Place|Square|Crescent|Terrace|Gardens';

/**
 * A regex made on first use. Making one with \p{L} classes or the i and u flags costs V8 up to a
 * millisecond, and most replies need few of these: a single `check --text` waits for each.
 */
export function once(make: () => RegExp): () => RegExp {
  let regex: RegExp | undefined;
  return () => (regex ??= make());
}

interface Shape {
  kind: Kind;
  regex: () => RegExp;
  /**
   * The fewest digits the shape holds, and for the address a cheap test of its words: a reply
   * without them is not searched with the regex, which V8 would first have to compile.
   */
  digits: number;
  likely?: RegExp;
  /** Weeds out look-alikes (checksums, order numbers, our own phone line). */
  valid?: (match: string, before: string, sentence: string) => boolean;
}

const SHAPES: Shape[] = [
  {
    kind: 'iban',
    regex: once(() => /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/giu),
    digits: 2,
    valid: ibanValid,
  },
  {
    kind: 'card',
    regex: once(() => new RegExp(String.raw`${NOT_IN_WORD}\d(?:[ -]?\d){12,18}(?!\d)`, 'g')),
    digits: 13,
    valid: (m, before) => luhnValid(m) && (cardWords().test(before) || !idContext().test(before)),
  },
  {
    kind: 'bsn',
    regex: once(() => new RegExp(String.raw`${NOT_IN_WORD}(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?!\d|[.,]\d)`, 'g')),
    digits: 9,
    valid: (m, before) => elfproef(m) && (bsnWords().test(before) || !idContext().test(before)),
  },
  {
    kind: 'phone',
    regex: once(() => new RegExp(
      String.raw`${NOT_IN_WORD}(?:(?:\+|00)31${SEP}(?:\(0\)${SEP})?|0)(?:6|[1-57]\d)(?:${SEP}\d){7,8}(?!\d)|${NOT_IN_WORD}\+(?!31)[1-9](?:${SEP}\d){7,13}(?!\d)`,
      'g',
    )),
    digits: 8,
    valid: (m, _before, sentence) =>
      m.replace(/\D/g, '').length >= 10 && !ourLine().test(sentence) && !(ourTeam().test(sentence) && !MOBILE.test(m)),
  },
  {
    kind: 'address',
    regex: once(() => new RegExp(
      String.raw`(?<![\p{L}\p{N}])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])|(?<!\p{L})\p{Lu}\p{Ll}+(?:${STREET_NL}) \d{1,4}(?: ?[a-zA-Z](?!\p{L}))?(?!\d)|(?<![\p{L}\p{N}])\d{1,4}[A-Za-z]? (?:\p{Lu}\p{Ll}+ ){1,3}(?:${STREET_EN})(?!\p{L})`,
      'gu',
    )),
    digits: 1,
    likely: new RegExp(String.raw`\d{4}|(?:${STREET_NL}) \d| (?:${STREET_EN})(?![a-z])`),
    valid: (m) => !ACRONYMS.has(m.slice(-2)),
  },
  {
    kind: 'birth',
    regex: once(() => new RegExp(
      String.raw`(?:geboortedatum|geboren(?:\sop)?|geb\.|date\sof\sbirth|birth\s?date|dob|born(?:\son)?)\s*:?\s*${DATE}|(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]19\d{2}(?!\d)|\d{1,2}\s${MONTH}\s19\d{2}`,
      'giu',
    )),
    digits: 4,
  },
];

const cardWords = once(() => /(card|kaart|creditcard|visa|mastercard|amex)\p{L}*\W*$/iu);
const bsnWords = once(() => /(bsn|burgerservicenummer|sofi)\p{L}*\W*$/iu);
/** A number right after one of these is an order, booking or reference number, not personal data. */
const idContext = once(
  () => /(order|bestel|factuur|invoice|booking|boeking|reserver|reservation|tracking|zending|pakket|parcel|klant|customer|account|artikel|article|product|ticket|kenmerk|referentie|reference|ref|dossier|case|nr|no|#)[\p{L}.]*[\s:#-]*$/iu,
);
/** The company's own line ("bel ons op 020 ..."), which is not the customer's data. */
const ourLine = once(() => /\b(bel|app|whatsapp|sms|bereik|call|text|message|reach|contact|ring) (ons|us)\b|\b(ons|onze|our) (telefoon|whatsapp|service)?(nummer|number|line|lijn)/iu);
/** A team or colleague of ours ("bel Eva van ons schadeteam op 020 ..."): their landline, not a customer's mobile. */
const ourTeam = once(() => /\b(ons|onze|our) ([\p{L}-]+ )?[\p{L}-]*(team|afdeling|collega|colleague|department|desk)\b/iu);
const MOBILE = /^(?:(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?|0)6|^\+447/;

const GENERIC_MAILBOXES = new Set(
  (
    'info service services klantenservice customerservice customer.service customer-service customerservices customercare ' +
    'customer.care klantcontact contact support help helpdesk servicedesk klachten complaints complaint feedback hello hallo ' +
    'hi hoi noreply no-reply webcare care team office mail administratie admin billing sales orders bestellingen ' +
    'reserveringen reservations bookings boekingen enquiries inquiries vragen receptie reception secretariaat'
  ).split(' '),
);
const email = once(() => /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu);

/** E-mail addresses: a general mailbox is generic-contact, anything else is someone's private address. */
export function findEmails(text: string, hits: Hit[], rules: { generic: boolean; personal: boolean }): void {
  if (!text.includes('@')) return;
  for (const match of text.matchAll(email())) {
    const generic = GENERIC_MAILBOXES.has(match[1]!.toLowerCase());
    if (generic ? !rules.generic : !rules.personal) continue;
    const index = match.index;
    hits.push({
      rule: generic ? 'generic-contact' : 'private-data',
      index,
      end: index + match[0].length,
      ...(generic ? {} : { detail: DETAIL.email }),
    });
  }
}

export function findPrivateData(text: string, hits: Hit[]): void {
  const digits = countDigits(text);
  if (digits === 0) return;
  for (const shape of SHAPES) {
    if (digits < shape.digits || (shape.likely && !shape.likely.test(text))) continue;
    for (const match of text.matchAll(shape.regex())) {
      const index = match.index;
      const before = text.slice(Math.max(0, index - 30), index);
      if (shape.valid && !shape.valid(match[0], before, sentenceAround(text, index))) continue;
      hits.push({ rule: 'private-data', index, end: index + match[0].length, detail: DETAIL[shape.kind] });
    }
  }
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}

// Capitals are read a character at a time, ASCII without a regex: V8 takes milliseconds to
// compile the Unicode classes (\p{Lu}), and nearly every reply has a run of capitals ("DM").
const upperRegex = once(() => /\p{Lu}/u);
const numberRegex = once(() => /\p{N}/u);
const lowerRegex = once(() => /\p{Ll}/u);
const letterOrDigitRegex = once(() => /[\p{L}\p{N}]/u);
const MARKS = /[!?¡]{2,}/g;

function isUpper(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 ? code >= 65 && code <= 90 : upperRegex().test(text[i]!);
}

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code < 128 ? code >= 48 && code <= 57 : numberRegex().test(text[i]!);
}

function isLetterOrDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return letterOrDigitRegex().test(text[i]!);
}

function hasLower(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 ? code >= 97 && code <= 122 : lowerRegex().test(text[i]!)) return true;
  }
  return false;
}

/** Where the run of capitals (then digits and apostrophes too) that starts at `i` ends; -1 if shorter than two. */
function capitalRunEnd(text: string, i: number): number {
  if (!isUpper(text, i)) return -1;
  let end = i + 1;
  while (end < text.length && (isUpper(text, end) || isDigit(text, end) || text[end] === "'" || text[end] === '’')) end++;
  return end - i >= 2 ? end : -1;
}

/** Three or more words in capitals in a row (acronyms and allowed words don't count), or "!!". */
export function findShouting(text: string, hits: Hit[]): void {
  let count = 0;
  let start = 0;
  let end = 0;
  for (let at = 0; at < text.length; at++) {
    const after = capitalRunEnd(text, at);
    if (after < 0) continue;
    const word = text.slice(at, after);
    const index = at;
    at = after - 1;
    // Only whole words: "PostNL" and "McDonald" are no capital words.
    if ((index > 0 && isLetterOrDigit(text, index - 1)) || (after < text.length && isLetterOrDigit(text, after))) continue;
    if (/\d/.test(word) || ACRONYMS.has(word)) continue;
    if (count > 0 && hasLower(text, end, index)) {
      if (count >= 3) hits.push({ rule: 'shouting', index: start, end });
      count = 0;
    }
    if (count++ === 0) start = index;
    end = after;
  }
  if (count >= 3) hits.push({ rule: 'shouting', index: start, end });
  if (text.includes('!') || text.includes('??')) {
    MARKS.lastIndex = 0;
    for (let match = MARKS.exec(text); match; match = MARKS.exec(text)) {
      const run = match[0];
      if (run.length >= 3 || run === '!!') hits.push({ rule: 'shouting', index: match.index, end: match.index + run.length });
    }
  }
}

const SENTENCE_REACH = 300;

/** The sentence (or line) a hit stands in, for the rules' exceptions ("unless the sentence says ..."). */
export function sentenceAround(text: string, index: number): string {
  // At most SENTENCE_REACH characters each way: text without full stops would make every hit
  // walk the whole reply, and thousands of hits quadratic time.
  const first = Math.max(0, index - SENTENCE_REACH);
  const last = Math.min(text.length, index + SENTENCE_REACH);
  let start = index;
  while (start > first && !'.!?\n'.includes(text[start - 1]!)) start--;
  let end = index;
  while (end < last && !'.!?\n'.includes(text[end]!)) end++;
  return text.slice(start, end);
}

function ibanValid(match: string): boolean {
  const iban = match.replace(/\s/g, '').toUpperCase();
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function luhnValid(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (/^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The Dutch BSN check: 9×d1 + 8×d2 + ... + 2×d8 − d9 is a multiple of 11. */
function elfproef(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (/^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}
