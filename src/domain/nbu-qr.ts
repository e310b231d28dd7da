// The National Bank of Ukraine's payment QR code: the data structure a bill carries so that any Ukrainian
// banking app fills in the transfer (recipient, IBAN, amount, EDRPOU code, purpose) from one scan.
//
// Source. The rules in force are NBU Board resolution No. 97 of 19.08.2025 ("Правила формування, передачі та
// обробки структури даних і графічного зображення QR-коду для обміну реквізитами кредитових та миттєвих
// кредитових переказів", in force from 01.11.2025; bank.gov.ua/admin_uploads/law/19082025_97.pdf): format 001
// (plain text) in its annex 2, 002 in annex 3, 003 in annex 4, the picture in annex 1. The resolution's own text
// could not be reached from this workplace; the field tables below are as two independent implementations that
// quote it describe them (skules777/nbu-qr-code-kotlin docs/NBU-COMPLIANCE.md, table 2 of annex 4 field by
// field; the qr_nbu_ex Elixir library's validators for 001/002), and where they differ the stricter limit is
// taken. docs/documents.md lists them. What this module relies on:
// - the structure is text fields separated by LF (CR LF is accepted when reading), in a fixed order, every
//   field present even when empty: 13 fields in 001 and 002, 17 in 003;
// - 1 service mark "BCD"; 2 format version "001" | "002" | "003"; 3 encoding "1" = UTF-8, "2" = Windows-1251
//   (of the text fields; the others are ISO 646, i.e. ASCII); 4 function "UCT" (credit transfer; 003 adds
//   "ICT" instant and "XCT"); 5 BIC, reserved and empty (in 003: the recipient's unique id, reserved);
//   6 recipient, ≤ 70 characters (003: 140); 7 the recipient's IBAN, UA + 27, checksum valid; 8 amount,
//   optional, "UAH" and the sum with no fraction or exactly two decimals ("UAH342", "UAH342.50"), ≤ 15 bytes;
//   9 recipient code, ≤ 10 (EDRPOU: 8 digits with a valid check digit; a person's tax number: 10 digits);
//   10 purpose code, reserved in 001/002 (003: category/purpose "CCCC/PPPP"); 11 reference, ≤ 35 ASCII,
//   reserved in 001/002; 12 purpose text, required, ≤ 140 characters (003: 420); 13 display text,
//   ≤ 70 (003: 140); 003 only: 14 field-lock mask (4 hex digits), 15 and 16 valid-until and created
//   (YYMMDDhhmmss), 17 signature (reserved);
// - text may hold the characters of Windows-1251 from 32 to 255 except 127 (DEL), 152 and 160 (no-break
//   space), in either encoding (annex 1): a line break inside a value would shift every later field;
// - 002 and 003 travel as a link: the app-start address and the base64url of the structure's bytes, no
//   padding; the encoded part is at most 475 bytes and the whole link at most 507. 001 is the plain text.
// The app-start address: this product prints https://bank.gov.ua/qr/ (the address of the 2020 rules, which
// the product brief names); implementations of resolution 97 print https://qr.bank.gov.ua/. Banking apps
// read the base64url after the address, and parseNbuQr accepts either.

import { isValidEdrpou } from "./edrpou.ts";
import { isValidUaIban } from "./iban.ts";
import { type Kopiykas, kop, uahString } from "./money.ts";

export const NBU_QR_SERVICE_MARK = "BCD";
export const NBU_QR_LINK = "https://bank.gov.ua/qr/";
const KNOWN_LINKS = [NBU_QR_LINK, "https://qr.bank.gov.ua/"] as const;

export type NbuQrVersion = "001" | "002" | "003";
/** 1 = UTF-8, 2 = Windows-1251. */
export type NbuQrEncoding = 1 | 2;
export type NbuQrFunction = "UCT" | "ICT" | "XCT";

/** What a payer's app is to fill in. */
export interface NbuPayment {
  recipient: string;
  iban: string;
  /** null: no amount, the payer types it. */
  amountKop: Kopiykas | null;
  /** EDRPOU (8 digits) or a person's tax number (10 digits). */
  recipientCode: string;
  purpose: string;
  /** Shown to the payer (optional). */
  display?: string;
}

export interface BuildOptions {
  /** "002" (default) or "003". */
  version?: "002" | "003";
  /** Windows-1251 (2) by default: annex 1 asks for the encoding that makes the code smaller. */
  encoding?: NbuQrEncoding;
  /** 003 only: ISO 20022 category and purpose, "CCCC/PPPP", required there. */
  categoryPurpose?: string;
  /** 003 only: the payer's reference, ≤ 35 ASCII characters. */
  reference?: string;
}

/** Every field of a code, as read back. */
export interface NbuQrData {
  serviceMark: string;
  version: NbuQrVersion;
  encoding: NbuQrEncoding;
  function: NbuQrFunction;
  /** Field 5: BIC (001/002) or the recipient's unique id (003); reserved, empty. */
  bic: string;
  recipient: string;
  iban: string;
  /** Field 8 as written ("UAH342.50", or ""). */
  amountText: string;
  amountKop: Kopiykas | null;
  recipientCode: string;
  /** Field 10: reserved in 001/002; category/purpose in 003. */
  purposeCode: string;
  reference: string;
  purpose: string;
  display: string;
  /** 003 only (else ""): fields 14–17. */
  lockMask: string;
  validUntil: string;
  createdAt: string;
  signature: string;
}

export class NbuQrError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`NBU QR ${field}: ${message}`);
    this.name = "NbuQrError";
  }
}

interface Limits {
  fields: number;
  recipient: number;
  purpose: number;
  display: number;
}
const LIMITS: Record<NbuQrVersion, Limits> = {
  "001": { fields: 13, recipient: 70, purpose: 140, display: 70 },
  "002": { fields: 13, recipient: 70, purpose: 140, display: 70 },
  "003": { fields: 17, recipient: 140, purpose: 420, display: 140 },
};
const MAX_ENCODED = 475;
const MAX_LINK = 507;
/** The largest amount the code's field 8 holds: 999 999 999.99 UAH. */
export const NBU_QR_MAX_AMOUNT_KOP = 99_999_999_999;
const AMOUNT_RE = /^UAH(0|[1-9]\d{0,8})(?:\.(\d{2}))?$/;

// Windows-1251 from the runtime's own decoder (WHATWG encoding tables), so no table is copied here.
const CP1251_DECODE: string[] = [
  ...new TextDecoder("windows-1251").decode(Uint8Array.from({ length: 256 }, (_, i) => i)),
];
const CP1251_ENCODE = new Map<string, number>(CP1251_DECODE.map((ch, byte) => [ch, byte]));
const FORBIDDEN_BYTES = new Set([127, 152, 160]);

/** Whether `ch` may stand in a text field: a Windows-1251 character 32..255 but 127, 152, 160 (annex 1). */
export function isNbuQrCharacter(ch: string): boolean {
  const byte = CP1251_ENCODE.get(ch);
  return byte !== undefined && byte >= 32 && !FORBIDDEN_BYTES.has(byte);
}

/**
 * Text made fit for a field: the modifier-letter apostrophe of "Словʼянськ" (not in Windows-1251) becomes the
 * typographic one, no-break and other spaces become spaces, anything else outside the set a question mark.
 */
export function toNbuQrText(text: string): string {
  return [...text.normalize("NFC")]
    .map((ch) => {
      if (isNbuQrCharacter(ch)) return ch;
      if (ch === "\u02BC" || ch === "\u02B9") return "\u2019";
      if (/\s/u.test(ch)) return " ";
      return "?";
    })
    .join("");
}

function characters(text: string): number {
  return [...text].length;
}

function checkText(field: string, value: string, max: number, required: boolean): void {
  if (required && value.trim() === "") throw new NbuQrError(field, "is required");
  if (characters(value) > max) throw new NbuQrError(field, `is longer than ${max} characters`);
  for (const ch of value) {
    if (!isNbuQrCharacter(ch)) {
      throw new NbuQrError(field, `holds ${JSON.stringify(ch)}, which the NBU character set does not allow`);
    }
  }
}

function checkAscii(field: string, value: string, max: number): void {
  if (value.length > max) throw new NbuQrError(field, `is longer than ${max} characters`);
  if (!/^[\x20-\x7E]*$/.test(value)) throw new NbuQrError(field, "must be printable ASCII");
}

function checkIban(iban: string): void {
  if (!isValidUaIban(iban))
    throw new NbuQrError("iban", `${JSON.stringify(iban)} is not a valid Ukrainian IBAN`);
}

/** EDRPOU of a legal entity (8 digits, check digit) or the 10-digit tax number of a person. */
function checkRecipientCode(code: string): void {
  if (/^\d{8}$/.test(code)) {
    if (!isValidEdrpou(code)) throw new NbuQrError("recipientCode", `EDRPOU ${code} has a wrong check digit`);
    return;
  }
  if (!/^\d{10}$/.test(code)) {
    throw new NbuQrError("recipientCode", "must be an EDRPOU code (8 digits) or a tax number (10 digits)");
  }
}

/** "UAH342", "UAH342.50": no fraction when it is zero, else exactly two decimals. */
export function formatNbuAmount(amount: Kopiykas): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > NBU_QR_MAX_AMOUNT_KOP) {
    throw new NbuQrError("amount", `must be from 0 to 999999999.99 UAH, got ${amount} kopiykas`);
  }
  const text = uahString(amount);
  return `UAH${text.endsWith(".00") ? text.slice(0, -3) : text}`;
}

/** Field 8 back to kopiykas; null for an empty field. */
export function parseNbuAmount(text: string): Kopiykas | null {
  if (text === "") return null;
  const m = AMOUNT_RE.exec(text);
  if (!m)
    throw new NbuQrError("amount", `${JSON.stringify(text)} is not "UAH" and an amount with 0 or 2 decimals`);
  return kop(Number(m[1]) * 100 + Number(m[2] ?? "0"));
}

/** The fields of a payment in order, checked; what buildNbuQrPayload encodes. */
export function nbuQrFields(payment: NbuPayment, options: BuildOptions = {}): string[] {
  const version = options.version ?? "002";
  const encoding = options.encoding ?? 2;
  const limits = LIMITS[version];
  checkText("recipient", payment.recipient, limits.recipient, true);
  checkIban(payment.iban);
  const amount = payment.amountKop === null ? "" : formatNbuAmount(payment.amountKop);
  checkRecipientCode(payment.recipientCode);
  checkText("purpose", payment.purpose, limits.purpose, true);
  const display = payment.display ?? "";
  checkText("display", display, limits.display, false);
  const head = [NBU_QR_SERVICE_MARK, version, String(encoding), "UCT", ""];
  const body = [payment.recipient, payment.iban, amount, payment.recipientCode];
  if (version === "002") {
    if (options.categoryPurpose || options.reference) {
      throw new NbuQrError("version", "category/purpose and reference are fields of format 003");
    }
    return [...head, ...body, "", "", payment.purpose, display];
  }
  const category = options.categoryPurpose ?? "";
  if (!/^[A-Z0-9]{4}\/[A-Z0-9]{4}$/.test(category)) {
    throw new NbuQrError(
      "categoryPurpose",
      'format 003 needs an ISO 20022 category and purpose, "CCCC/PPPP"',
    );
  }
  const reference = options.reference ?? "";
  checkAscii("reference", reference, 35);
  return [...head, ...body, category, reference, payment.purpose, display, "", "", "", ""];
}

function encodeText(text: string, encoding: NbuQrEncoding): Uint8Array {
  if (encoding === 1) return new TextEncoder().encode(text);
  return Uint8Array.from([...text], (ch) => {
    const byte = CP1251_ENCODE.get(ch);
    if (byte === undefined) throw new NbuQrError("text", `${JSON.stringify(ch)} has no Windows-1251 byte`);
    return byte;
  });
}

/** The structure's bytes: the fields joined by LF, in the chosen encoding (ASCII fields are the same in both). */
export function buildNbuQrPayload(payment: NbuPayment, options: BuildOptions = {}): Uint8Array {
  const fields = nbuQrFields(payment, options);
  return encodeText(fields.join("\n"), options.encoding ?? 2);
}

/** What the QR code holds: the app-start address and the base64url of the structure. */
export function buildNbuQrLink(payment: NbuPayment, options: BuildOptions = {}): string {
  const encoded = Buffer.from(buildNbuQrPayload(payment, options)).toString("base64url");
  if (encoded.length > MAX_ENCODED) {
    throw new NbuQrError("size", `the encoded data is ${encoded.length} bytes, more than ${MAX_ENCODED}`);
  }
  const link = NBU_QR_LINK + encoded;
  if (link.length > MAX_LINK) throw new NbuQrError("size", `the link is longer than ${MAX_LINK} bytes`);
  return link;
}

/** The structure of a scanned code: a link's base64url decoded in the encoding field 3 names, or format 001's
 * plain text as the scanner read it. */
function structureText(scanned: string): string {
  const text = scanned.trim();
  const link = KNOWN_LINKS.find((l) => text.startsWith(l));
  if (!link) {
    if (/^BCD\r?\n001\r?\n/.test(text)) return text;
    throw new NbuQrError("link", `expected ${NBU_QR_LINK}… or a format 001 structure starting with BCD`);
  }
  const encoded = text.slice(link.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded))
    throw new NbuQrError("link", "the data after the address is not base64url");
  const bytes = Buffer.from(encoded, "base64url");
  // The first three fields are ASCII whatever the encoding; field 3 says how to read the rest.
  const encoding = /^BCD\r?\n\d{3}\r?\n([12])\r?\n/.exec(
    new TextDecoder("latin1").decode(bytes.subarray(0, 16)),
  )?.[1];
  if (encoding === "2") return new TextDecoder("windows-1251").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NbuQrError("encoding", "the data is not valid UTF-8");
  }
}

/**
 * Reads a scanned code back (what zbarimg or a camera gives) and checks every field against the rules above;
 * throws NbuQrError naming the first field that breaks one.
 */
export function parseNbuQr(scanned: string): NbuQrData {
  const text = structureText(scanned);
  const head = text.split(/\r?\n/, 3);
  if (head[0] !== NBU_QR_SERVICE_MARK)
    throw new NbuQrError("serviceMark", `must be BCD, got ${JSON.stringify(head[0])}`);
  const version = head[1] as NbuQrVersion;
  if (!(version in LIMITS))
    throw new NbuQrError("version", `must be 001, 002 or 003, got ${JSON.stringify(head[1])}`);
  if (head[2] !== "1" && head[2] !== "2")
    throw new NbuQrError("encoding", `must be 1 or 2, got ${JSON.stringify(head[2])}`);
  const encoding: NbuQrEncoding = head[2] === "1" ? 1 : 2;
  const fields = text.split(/\r?\n/);
  // A trailing line break after the last field is tolerated.
  if (fields.length === LIMITS[version].fields + 1 && fields.at(-1) === "") fields.pop();
  const limits = LIMITS[version];
  // Format 001 is plain text, and a scanner may trim the line breaks of its empty trailing fields.
  while (version === "001" && fields.length < limits.fields) fields.push("");
  if (fields.length !== limits.fields) {
    throw new NbuQrError("structure", `format ${version} has ${limits.fields} fields, got ${fields.length}`);
  }
  const f = (n: number) => fields[n - 1] ?? "";
  const fn = f(4);
  if (version === "003" ? !["UCT", "ICT", "XCT"].includes(fn) : fn !== "UCT") {
    throw new NbuQrError("function", `${JSON.stringify(fn)} is not allowed in format ${version}`);
  }
  checkAscii("bic", f(5), 11);
  checkText("recipient", f(6), limits.recipient, true);
  checkIban(f(7));
  const amountKop = parseNbuAmount(f(8));
  if (amountKop !== null && amountKop > NBU_QR_MAX_AMOUNT_KOP) throw new NbuQrError("amount", "is too large");
  checkRecipientCode(f(9));
  if (version === "003") {
    if (!/^[A-Z0-9]{4}\/[A-Z0-9]{4}$/.test(f(10))) throw new NbuQrError("purposeCode", 'must be "CCCC/PPPP"');
  } else {
    checkAscii("purposeCode", f(10), 4);
  }
  checkAscii("reference", f(11), 35);
  checkText("purpose", f(12), limits.purpose, true);
  checkText("display", f(13), limits.display, false);
  if (version === "003") {
    if (!/^([0-9A-F]{4})?$/.test(f(14))) throw new NbuQrError("lockMask", "must be 4 hexadecimal digits");
    for (const [n, name] of [
      [15, "validUntil"],
      [16, "createdAt"],
    ] as const) {
      if (!/^(\d{12})?$/.test(f(n))) throw new NbuQrError(name, "must be YYMMDDhhmmss");
    }
    checkAscii("signature", f(17), 90);
  }
  return {
    serviceMark: f(1),
    version,
    encoding,
    function: fn as NbuQrFunction,
    bic: f(5),
    recipient: f(6),
    iban: f(7),
    amountText: f(8),
    amountKop,
    recipientCode: f(9),
    purposeCode: f(10),
    reference: f(11),
    purpose: f(12),
    display: f(13),
    lockMask: version === "003" ? f(14) : "",
    validUntil: version === "003" ? f(15) : "",
    createdAt: version === "003" ? f(16) : "",
    signature: version === "003" ? f(17) : "",
  };
}
