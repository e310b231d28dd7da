import assert from "node:assert/strict";
import { test } from "node:test";
import iconv from "iconv-lite";
import { decodeRegistry } from "./decode-registry.ts";
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
