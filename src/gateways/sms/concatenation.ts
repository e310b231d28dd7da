// Putting the parts of a long SMS back together: each part's user data header names the text (a reference,
// 8- or 16-bit), how many parts it has and which one this is. Parts may come in any order; a text whose parts
// stop coming is dropped after a while rather than kept forever.

export interface ConcatHeader {
  ref: number;
  total: number;
  seq: number;
}

/** The concatenation element among a header's elements (as the smpp package decodes them: [iei, len, …data]). */
export function concatHeader(elements: readonly Buffer[] | undefined): ConcatHeader | null {
  for (const e of elements ?? []) {
    if (e[0] === 0x00 && e[1] === 3 && e.length >= 5) return valid({ ref: e[2]!, total: e[3]!, seq: e[4]! });
    if (e[0] === 0x08 && e[1] === 4 && e.length >= 6)
      return valid({ ref: e.readUInt16BE(2), total: e[4]!, seq: e[5]! });
  }
  return null;
}

function valid(h: ConcatHeader): ConcatHeader | null {
  return h.total >= 1 && h.seq >= 1 && h.seq <= h.total ? h : null;
}

interface Pending {
  parts: (string | undefined)[];
  firstAt: number;
}

export class Reassembler {
  readonly #pending = new Map<string, Pending>();

  constructor(
    private readonly maxAgeMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds a part of the text `key` names (its sender and reference); the whole text once every part is in. */
  add(key: string, header: ConcatHeader, text: string): string | null {
    this.#forgetStale();
    const id = `${key}:${header.ref}:${header.total}`;
    let pending = this.#pending.get(id);
    if (!pending) {
      pending = { parts: new Array(header.total).fill(undefined), firstAt: this.now() };
      this.#pending.set(id, pending);
    }
    pending.parts[header.seq - 1] = text;
    if (pending.parts.some((p) => p === undefined)) return null;
    this.#pending.delete(id);
    return pending.parts.join("");
  }

  #forgetStale(): void {
    const oldest = this.now() - this.maxAgeMs;
    for (const [id, p] of this.#pending) if (p.firstAt < oldest) this.#pending.delete(id);
  }
}
