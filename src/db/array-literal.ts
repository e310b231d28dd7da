// A JavaScript array as the text of a PostgreSQL array literal, sent as one text parameter and cast in SQL
// (`$1::bigint[]`). The driver's own conversion escapes and quotes every element one by one: for the billing run's
// arrays of tens of thousands of numbers and short codes that cost more than the statements themselves.
const PLAIN = /^[^{}",\\\s]+$/;

function element(v: string | number | null): string {
  if (v === null) return "NULL";
  if (typeof v === "number") return String(v);
  if (PLAIN.test(v) && v.toUpperCase() !== "NULL") return v;
  return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function arrayLiteral(values: readonly (string | number | null)[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    out += element(values[i]!);
  }
  return `${out}}`;
}
