// Bytes of a registry file to text, a chunk at a time so that a file of any size passes through bounded memory.
// Ukrainian banks export UTF-8 or Windows-1251 (cp1251); the two are told apart reliably: Cyrillic in cp1251 is
// never valid UTF-8 (a lowercase letter, 0xE0–0xFF, would have to be followed by continuation bytes, 0x80–0xBF,
// which are not lowercase letters), and Cyrillic in UTF-8 read as cp1251 is mojibake such as "РџРµС‚СЂРѕ". So a
// source's configured encoding is checked, not trusted: bytes that are not in it refuse the file rather than turn
// names into nonsense. Deciding that needs the whole file, so the import reads it twice: once through a
// RegistryProbe (which also hashes it), then through the decoder the probe chose.
import { isAscii, isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import iconv from "iconv-lite";
import { RegistryFileError } from "./registry-file-error.ts";
import type { RegistryEncoding } from "./registry-format.ts";

export type FileEncoding = "utf-8" | "windows-1251";

export interface ProbedRegistry {
  encoding: FileEncoding;
  /** The encoding was chosen by looking at the bytes ('auto'), not configured. */
  detected: boolean;
  sha256: string;
  size: number;
}

/** What a file that is not text looks like, for the refusal's message. */
export type NotTextKind = "xlsx" | "xls" | "pdf" | "utf16" | "binary" | "line_too_long";

/** No registry line is this long; a file with one is not a registry, and the limit keeps memory bounded. */
export const MAX_LINE_BYTES = 1 << 20;

const MAGIC: [NotTextKind, number[]][] = [
  ["xlsx", [0x50, 0x4b, 0x03, 0x04]],
  ["xls", [0xd0, 0xcf, 0x11, 0xe0]],
  ["pdf", [0x25, 0x50, 0x44, 0x46]],
  ["utf16", [0xff, 0xfe]],
  ["utf16", [0xfe, 0xff]],
];

/** Reads a file's bytes in order, chunk by chunk, and then says how to decode it, or why it cannot be read. */
export class RegistryProbe {
  private readonly hash = createHash("sha256");
  private size = 0;
  private head: number[] = [];
  private binary = false;
  private tooLong: number | null = null;
  /** The line being read, its bytes so far (a line may span chunks). */
  private partial: Uint8Array[] = [];
  private partialBytes = 0;
  private line = 1;
  private firstNotUtf8: number | null = null;
  private firstNonAscii: number | null = null;

  push(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    for (let i = 0; this.head.length < 4 && i < chunk.length; i++) this.head.push(chunk[i]!);
    if (!this.binary && chunk.includes(0)) this.binary = true;
    if (this.binary || this.tooLong !== null || this.decided()) return;
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0x0a, start);
      if (end < 0) break;
      this.endLine(chunk.subarray(start, end));
      start = end + 1;
      if (this.decided()) return;
    }
    const rest = chunk.subarray(start);
    if (this.partialBytes + rest.length > MAX_LINE_BYTES) this.tooLong = this.line;
    else if (rest.length > 0) {
      this.partial.push(rest);
      this.partialBytes += rest.length;
    }
  }

  /** How to decode the file in the source's encoding setting; a RegistryFileError when it cannot be. */
  finish(setting: RegistryEncoding): ProbedRegistry {
    if (!this.decided() && this.tooLong === null) this.endLine(new Uint8Array());
    const sha256 = this.hash.digest("hex");
    if (this.size === 0) throw new RegistryFileError("registry_empty");
    const magic = MAGIC.find(([, bytes]) => bytes.every((b, i) => this.head[i] === b));
    if (magic) throw new RegistryFileError("registry_not_csv", { kind: magic[0] });
    if (this.binary) throw new RegistryFileError("registry_not_csv", { kind: "binary" });
    if (this.tooLong !== null)
      throw new RegistryFileError("registry_not_csv", { kind: "line_too_long", line: this.tooLong });
    const found = { sha256, size: this.size };
    if (setting === "auto") {
      const encoding = this.firstNotUtf8 === null ? "utf-8" : "windows-1251";
      return { encoding, detected: true, ...found };
    }
    if (setting === "utf-8" && this.firstNotUtf8 !== null)
      throw new RegistryFileError("registry_wrong_encoding", {
        expected: "utf-8",
        found: "windows-1251",
        line: this.firstNotUtf8,
      });
    // Windows-1251 configured: valid UTF-8 with anything beyond ASCII in it is UTF-8, not cp1251.
    if (setting === "windows-1251" && this.firstNotUtf8 === null && this.firstNonAscii !== null)
      throw new RegistryFileError("registry_wrong_encoding", {
        expected: "windows-1251",
        found: "utf-8",
        line: this.firstNonAscii,
      });
    return { encoding: setting, detected: false, ...found };
  }

  /** Both facts the encoding depends on are known: nothing more to learn from the lines. */
  private decided(): boolean {
    return this.firstNotUtf8 !== null && this.firstNonAscii !== null;
  }

  private endLine(tail: Uint8Array): void {
    let bytes = tail;
    if (this.partialBytes > 0) {
      bytes = Buffer.concat([...this.partial, tail]);
      this.partial = [];
      this.partialBytes = 0;
    }
    if (bytes.length > MAX_LINE_BYTES && this.tooLong === null) this.tooLong = this.line;
    if (this.firstNotUtf8 === null && !isUtf8(bytes)) this.firstNotUtf8 = this.line;
    if (this.firstNonAscii === null && !isAscii(bytes)) this.firstNonAscii = this.line;
    this.line++;
  }
}

/** Turns a file's bytes into text chunk by chunk (a character split between chunks is kept for the next). */
export interface RegistryDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function registryDecoder(encoding: FileEncoding): RegistryDecoder {
  if (encoding === "utf-8") {
    // A byte-order mark is dropped; the probe has checked the bytes are valid.
    const decoder = new TextDecoder("utf-8");
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder("win1251");
  return { write: (chunk) => decoder.write(Buffer.from(chunk)), end: () => decoder.end() ?? "" };
}

/** The whole of a small file at once: the probe and the decoder in one call (tests, small uploads). */
export function decodeRegistry(
  bytes: Uint8Array,
  setting: RegistryEncoding,
): { text: string; encoding: FileEncoding; detected: boolean } {
  const probe = new RegistryProbe();
  probe.push(bytes);
  const { encoding, detected } = probe.finish(setting);
  const decoder = registryDecoder(encoding);
  return { text: decoder.write(bytes) + decoder.end(), encoding, detected };
}
