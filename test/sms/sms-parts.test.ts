// Encoding and splitting texts into short messages, and putting the parts back together, at the edges: exactly
// one message's worth, one character more, an escape or a surrogate pair across a part boundary.
import assert from "node:assert/strict";
import { test } from "node:test";
import smpp from "smpp";
import { concatHeader, Reassembler } from "../../src/gateways/sms/concatenation.ts";
import {
  DATA_CODING_GSM,
  DATA_CODING_UCS2,
  ESM_CLASS_UDH,
  type SmsPart,
  smsParts,
} from "../../src/gateways/sms/sms-parts.ts";

/** A part as a phone reads it: header elements and the text. */
function read(part: SmsPart): { udh: Buffer[] | undefined; text: string } {
  const hasHeader = (part.esmClass & ESM_CLASS_UDH) !== 0;
  const headerLength = hasHeader ? part.shortMessage[0]! + 1 : 0;
  const body = part.shortMessage.subarray(headerLength);
  const text =
    part.dataCoding === DATA_CODING_UCS2
      ? smpp.encodings.UCS2.decode(body)
      : smpp.encodings.ASCII.decode(body);
  return { udh: hasHeader ? [part.shortMessage.subarray(1, headerLength)] : undefined, text };
}

function reassemble(parts: SmsPart[]): string {
  const r = new Reassembler();
  let whole: string | null = null;
  // In reverse, as a network may deliver them.
  for (const part of [...parts].reverse()) {
    const { udh, text } = read(part);
    const header = concatHeader(udh);
    whole = header ? r.add("+380671112233", header, text) : text;
  }
  assert.ok(whole !== null, "all parts in");
  return whole;
}

test("GSM: 160 septets in one message, 161 in two of at most 153", () => {
  const one = smsParts("a".repeat(160), 1);
  assert.equal(one.length, 1);
  assert.deepEqual(
    [one[0]!.dataCoding, one[0]!.esmClass, one[0]!.shortMessage.length],
    [DATA_CODING_GSM, 0, 160],
  );
  const two = smsParts("a".repeat(161), 9);
  assert.deepEqual(
    two.map((p) => [p.esmClass, [...p.shortMessage.subarray(0, 6)], p.shortMessage.length - 6]),
    [
      [ESM_CLASS_UDH, [5, 0, 3, 9, 2, 1], 153],
      [ESM_CLASS_UDH, [5, 0, 3, 9, 2, 2], 8],
    ],
  );
  assert.equal(reassemble(two), "a".repeat(161));
});

test("GSM: an extension character counts two septets and is never parted from its escape", () => {
  assert.equal(smsParts("€".repeat(80), 1).length, 1);
  const text = `${"a".repeat(152)}€${"b".repeat(10)}`;
  const parts = smsParts(text, 2);
  assert.equal(parts.length, 2);
  assert.equal(parts[0]!.shortMessage.length - 6, 152, "the escape moved to the next part");
  assert.equal(reassemble(parts), text);
});

test("UCS-2: 70 characters in one message, 71 in two of at most 67; Cyrillic is never GSM", () => {
  const one = smsParts("ї".repeat(70), 1);
  assert.deepEqual([one.length, one[0]!.dataCoding, one[0]!.shortMessage.length], [1, DATA_CODING_UCS2, 140]);
  const two = smsParts("ї".repeat(71), 3);
  assert.deepEqual(
    two.map((p) => (p.shortMessage.length - 6) / 2),
    [67, 4],
  );
  assert.equal(reassemble(two), "ї".repeat(71));
});

test("UCS-2: an emoji (a surrogate pair) is never split across parts", () => {
  const text = `${"ж".repeat(66)}😀${"ж".repeat(10)}`;
  const parts = smsParts(text, 4);
  assert.equal(parts[0]!.shortMessage.length - 6, 66 * 2);
  assert.equal(reassemble(parts), text);
});

test("a 16-bit reference is read too, and a header without concatenation is none", () => {
  assert.deepEqual(concatHeader([Buffer.from([0x08, 4, 0x12, 0x34, 3, 2])]), {
    ref: 0x1234,
    total: 3,
    seq: 2,
  });
  assert.equal(concatHeader([Buffer.from([0x24, 1, 0x01])]), null);
  assert.equal(concatHeader([Buffer.from([0x00, 3, 1, 2, 3])]), null, "seq beyond total");
});
