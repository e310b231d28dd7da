// How a text becomes short messages (3GPP TS 23.040): in the GSM 7-bit default alphabet when every character is
// in it (160 septets in one message), else in UCS-2 (70 characters; Cyrillic always goes this way). A longer text
// is split into concatenated parts, each starting with a 6-byte user data header 05 00 03 <ref> <total> <seq>
// (esm_class 0x40), which leaves 153 septets or 67 UCS-2 characters per part. The phone puts them back together.
import smpp from "smpp";

export const DATA_CODING_GSM = 0x00;
export const DATA_CODING_UCS2 = 0x08;
export const ESM_CLASS_UDH = 0x40;

const GSM_SINGLE = 160;
const GSM_PART = 153;
const UCS2_SINGLE = 70;
const UCS2_PART = 67;
const ESCAPE = 0x1b;
/** More parts than this is not a reply but a letter: the concatenation header counts to 255. */
export const MAX_PARTS = 255;

export interface SmsPart {
  dataCoding: typeof DATA_CODING_GSM | typeof DATA_CODING_UCS2;
  esmClass: number;
  /** The user data as SMPP carries it: the header (if any), then septets one per byte, or UTF-16BE. */
  shortMessage: Buffer;
}

export function isGsmText(text: string): boolean {
  return smpp.encodings.ASCII.match(text);
}

/** The parts of a text; `ref` (0–255) ties the parts of one long text together. */
export function smsParts(text: string, ref: number): SmsPart[] {
  if (isGsmText(text)) {
    const septets = smpp.encodings.ASCII.encode(text);
    if (septets.length <= GSM_SINGLE) return [single(DATA_CODING_GSM, septets)];
    return concatenated(DATA_CODING_GSM, splitGsm(septets), ref);
  }
  const units = smpp.encodings.UCS2.encode(text);
  if (units.length <= UCS2_SINGLE * 2) return [single(DATA_CODING_UCS2, units)];
  return concatenated(DATA_CODING_UCS2, splitUcs2(units), ref);
}

function single(dataCoding: SmsPart["dataCoding"], bytes: Buffer): SmsPart {
  return { dataCoding, esmClass: 0, shortMessage: bytes };
}

function concatenated(dataCoding: SmsPart["dataCoding"], chunks: Buffer[], ref: number): SmsPart[] {
  if (chunks.length > MAX_PARTS) throw new Error(`an SMS of ${chunks.length} parts is too long`);
  return chunks.map((chunk, i) => ({
    dataCoding,
    esmClass: ESM_CLASS_UDH,
    shortMessage: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref & 0xff, chunks.length, i + 1]), chunk]),
  }));
}

/** 153 septets a part, never parting an escape from the character it escapes (€, [, ] take two). */
function splitGsm(septets: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  let start = 0;
  while (start < septets.length) {
    let end = Math.min(start + GSM_PART, septets.length);
    if (end < septets.length && septets[end - 1] === ESCAPE) end--;
    chunks.push(septets.subarray(start, end));
    start = end;
  }
  return chunks;
}

/** 67 UTF-16 units a part, never parting a surrogate pair (an emoji is two units). */
function splitUcs2(units: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  let start = 0;
  while (start < units.length) {
    let end = Math.min(start + UCS2_PART * 2, units.length);
    const lastUnit = units.readUInt16BE(end - 2);
    if (end < units.length && lastUnit >= 0xd800 && lastUnit <= 0xdbff) end -= 2;
    chunks.push(units.subarray(start, end));
    start = end;
  }
  return chunks;
}
