// A JavaScript array as the text of a PostgreSQL array literal, sent as one text parameter and cast in SQL
// (`$1::bigint[]`). The driver's own conversion escapes and quotes every element one by one: for the billing run's
// arrays of tens of thousands of numbers and short codes that cost more than the statements themselves.
const PLAIN = /^[^{}",\\\s]+$/;

// The billing run's texts are a few hundred distinct values (codes, kinds, dates) repeated over millions of
// elements: each is checked and quoted once. Bounded, so that a stream of distinct texts cannot grow it.
const QUOTED_CACHE_LIMIT = 4096;
const SHORT = 32;
let quotedCache = new Map<string, string>();

function quote(v: string): string {
  // Only a four-letter text can spell NULL: the others skip the upper-casing (a string made per element).
  if (PLAIN.test(v) && (v.length !== 4 || v.toUpperCase() !== "NULL")) return v;
  return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function quoteText(v: string): string {
  if (v.length > SHORT) return quote(v);
  let q = quotedCache.get(v);
  if (q === undefined) {
    q = quote(v);
    if (quotedCache.size >= QUOTED_CACHE_LIMIT) quotedCache = new Map();
    quotedCache.set(v, q);
  }
  return q;
}

// Joined, not appended: appending made a rope of a node per element, and for a batch's register states tracing
// those ropes was most of the work (the garbage collector took 56 % of building the literals). Numbers (and nulls)
// are left to the native join, which writes them without a string per element.
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  let texts = false;
  let nulls = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) nulls = true;
    else if (typeof v !== "number") {
      texts = true;
      break;
    }
  }
  if (!texts) {
    if (!nulls) return `{${values.join(",")}}`;
    const parts = new Array<number | string>(values.length);
    for (let i = 0; i < values.length; i++) parts[i] = values[i] ?? "NULL";
    return `{${parts.join(",")}}`;
  }
  const parts = new Array<string | number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    parts[i] = v === null ? "NULL" : typeof v === "number" ? v : quoteText(v);
  }
  return `{${parts.join(",")}}`;
}

/**
 * Arrays of varying lengths as a text[] literal, one element per array (`{"{1,2}","{3}"}`), each element cast in SQL
 * to its own array (`x.p::bigint[]`): PostgreSQL's arrays cannot be ragged. Built in one pass: the nested form of
 * arrayLiteral quoted every inner literal through a regular expression and a replace.
 */
export function arraysLiteral(arrays: readonly (readonly (string | number | null)[])[]): string {
  const parts = new Array<string>(arrays.length);
  for (let i = 0; i < arrays.length; i++) {
    const inner = arrayLiteral(arrays[i]!);
    // The inner literal quotes its own special elements; those quotes and backslashes are escaped once more.
    parts[i] =
      `"${inner.includes('"') || inner.includes("\\") ? inner.replace(/[\\"]/g, (c) => `\\${c}`) : inner}"`;
  }
  return `{${parts.join(",")}}`;
}
