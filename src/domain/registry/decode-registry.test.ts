import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import iconv from "iconv-lite";
import { decodeRegistry, MAX_LINE_BYTES, RegistryProbe, registryDecoder } from "./decode-registry.ts";
import { RegistryFileError } from "./registry-file-error.ts";

const TEXT = "Платник;Сума\nПетренко Ґалина Їжакова;1 234,56\n";
const cp1251 = new Uint8Array(iconv.encode(TEXT, "win1251"));
const utf8 = new TextEncoder().encode(TEXT);
const refusal = (fn: () => unknown, code: string, params?: Record<string, unknown>) =>
  assert.throws(fn, (e) => {
    assert.ok(e instanceof RegistryFileError);
    assert.equal(e.code, code);
    if (params) assert.deepEqual(e.params, params);
    return true;
  });

test("auto: UTF-8 when the bytes are valid UTF-8 (a BOM removed), else Windows-1251; it says which", () => {
  assert.deepEqual(decodeRegistry(utf8, "auto"), { text: TEXT, encoding: "utf-8", detected: true });
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  assert.deepEqual(decodeRegistry(bom, "auto"), { text: TEXT, encoding: "utf-8", detected: true });
  assert.deepEqual(decodeRegistry(cp1251, "auto"), { text: TEXT, encoding: "windows-1251", detected: true });
});

test("a configured encoding is checked: the other one refuses the file and names the first line", () => {
  assert.deepEqual(decodeRegistry(utf8, "utf-8"), { text: TEXT, encoding: "utf-8", detected: false });
  assert.deepEqual(decodeRegistry(cp1251, "windows-1251"), {
    text: TEXT,
    encoding: "windows-1251",
    detected: false,
  });
  refusal(() => decodeRegistry(cp1251, "utf-8"), "registry_wrong_encoding", {
    expected: "utf-8",
    found: "windows-1251",
    line: 1,
  });
  const asciiThenCp1251 = new Uint8Array([...new TextEncoder().encode("a;b\n1;2\n"), ...cp1251]);
  refusal(() => decodeRegistry(asciiThenCp1251, "utf-8"), "registry_wrong_encoding", {
    expected: "utf-8",
    found: "windows-1251",
    line: 3,
  });
  refusal(() => decodeRegistry(utf8, "windows-1251"), "registry_wrong_encoding", {
    expected: "windows-1251",
    found: "utf-8",
    line: 1,
  });
  // Plain ASCII is the same in both.
  const ascii = new TextEncoder().encode("a;b\n1;2\n");
  assert.equal(decodeRegistry(ascii, "windows-1251").text, "a;b\n1;2\n");
});

test("what is not a text file is refused as such", () => {
  refusal(() => decodeRegistry(new Uint8Array([]), "auto"), "registry_empty");
  refusal(() => decodeRegistry(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), "auto"), "registry_not_csv", {
    kind: "xlsx",
  });
  refusal(() => decodeRegistry(new TextEncoder().encode("%PDF-1.7\n"), "auto"), "registry_not_csv", {
    kind: "pdf",
  });
  refusal(() => decodeRegistry(new Uint8Array([0xff, 0xfe, 0x41, 0]), "auto"), "registry_not_csv", {
    kind: "utf16",
  });
  refusal(() => decodeRegistry(new Uint8Array([0x41, 0, 0x42]), "utf-8"), "registry_not_csv", {
    kind: "binary",
  });
});

/** The probe and the decoder fed `bytes` in pieces of `size`. */
function inPieces(bytes: Uint8Array, size: number, setting: "auto" | "utf-8" | "windows-1251") {
  const probe = new RegistryProbe();
  for (let i = 0; i < bytes.length; i += size) probe.push(bytes.subarray(i, i + size));
  const probed = probe.finish(setting);
  const decoder = registryDecoder(probed.encoding);
  let text = "";
  for (let i = 0; i < bytes.length; i += size) text += decoder.write(bytes.subarray(i, i + size));
  return { ...probed, text: text + decoder.end() };
}

test("read in pieces of any size — a character or a line split between them — the same decisions and text", () => {
  const mixed = new Uint8Array([...new TextEncoder().encode("a;b\n1;2\n"), ...cp1251]);
  for (const size of [1, 2, 3, 5, 64]) {
    const u = inPieces(utf8, size, "auto");
    assert.deepEqual([u.text, u.encoding, u.size], [TEXT, "utf-8", utf8.length], `utf-8 in ${size}s`);
    assert.equal(u.sha256, createHash("sha256").update(utf8).digest("hex"));
    assert.equal(inPieces(cp1251, size, "auto").text, TEXT, `cp1251 in ${size}s`);
    refusal(() => inPieces(mixed, size, "utf-8"), "registry_wrong_encoding", {
      expected: "utf-8",
      found: "windows-1251",
      line: 3,
    });
    refusal(() => inPieces(utf8, size, "windows-1251"), "registry_wrong_encoding", {
      expected: "windows-1251",
      found: "utf-8",
      line: 1,
    });
  }
});

test("a line longer than any registry line refuses the file (and bounds what is held in memory)", () => {
  const long = new Uint8Array(MAX_LINE_BYTES + 10).fill(0x41);
  const bytes = new Uint8Array([...new TextEncoder().encode("a;b\n"), ...long, 0x0a]);
  refusal(() => inPieces(bytes, 65536, "auto"), "registry_not_csv", { kind: "line_too_long", line: 2 });
});
