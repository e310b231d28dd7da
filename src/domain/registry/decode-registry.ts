// Bytes of a registry file to text. Ukrainian banks export UTF-8 or Windows-1251 (cp1251); the two are told apart
// reliably: Cyrillic in cp1251 is never valid UTF-8 (a lowercase letter, 0xE0–0xFF, would have to be followed by
// continuation bytes, 0x80–0xBF, which are not lowercase letters), and Cyrillic in UTF-8 read as cp1251 is mojibake
// such as "РџРµС‚СЂРѕ". So a source's configured encoding is checked, not trusted: bytes that are not in it refuse
// the file rather than turn names into nonsense.
import iconv from "iconv-lite";
import { RegistryFileError } from "./registry-file-error.ts";
import type { RegistryEncoding } from "./registry-format.ts";

export type FileEncoding = "utf-8" | "windows-1251";

export interface DecodedRegistry {
  text: string;
  encoding: FileEncoding;
  /** The encoding was chosen by looking at the bytes ('auto'), not configured. */
  detected: boolean;
}

/** What a file that is not text looks like, for the refusal's message. */
export type NotTextKind = "xlsx" | "xls" | "pdf" | "utf16" | "binary";

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function notText(bytes: Uint8Array): NotTextKind | null {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return "xlsx";
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return "xls";
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return "pdf";
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return "utf16";
  return bytes.includes(0) ? "binary" : null;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The text when the bytes are valid UTF-8 (a byte-order mark removed), else null. */
function asUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** 1-based number of the first line that holds a byte `bad` says is out of place. */
function firstLineWhere(bytes: Uint8Array, bad: (line: Uint8Array) => boolean): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (bad(bytes.subarray(start, i))) return line;
      line++;
      start = i + 1;
    }
  }
  return 1;
}

export function decodeRegistry(bytes: Uint8Array, setting: RegistryEncoding): DecodedRegistry {
  if (bytes.length === 0) throw new RegistryFileError("registry_empty");
  const kind = notText(bytes);
  if (kind) throw new RegistryFileError("registry_not_csv", { kind });
  const utf8 = asUtf8(bytes);
  if (setting === "auto") {
    return utf8 === null
      ? { text: iconv.decode(Buffer.from(bytes), "win1251"), encoding: "windows-1251", detected: true }
      : { text: utf8, encoding: "utf-8", detected: true };
  }
  if (setting === "utf-8") {
    if (utf8 === null) {
      const line = firstLineWhere(bytes, (l) => asUtf8(l) === null);
      throw new RegistryFileError("registry_wrong_encoding", {
        expected: "utf-8",
        found: "windows-1251",
        line,
      });
    }
    return { text: utf8, encoding: "utf-8", detected: false };
  }
  // Windows-1251 configured: valid UTF-8 with anything beyond ASCII in it is UTF-8, not cp1251.
  if (utf8 !== null && bytes.some((b) => b >= 0x80)) {
    const line = firstLineWhere(bytes, (l) => l.some((b) => b >= 0x80));
    throw new RegistryFileError("registry_wrong_encoding", {
      expected: "windows-1251",
      found: "utf-8",
      line,
    });
  }
  return { text: iconv.decode(Buffer.from(bytes), "win1251"), encoding: "windows-1251", detected: false };
}
