// Rules for SQL that must also run on Citus (docs/scale-out.md, "SQL that runs on both"), checked over the source
// by test/db/citus-sql-rules.test.ts on every engine, since CI has no Citus. A statement is held to them when it
// names a distributed table (CITUS_LAYOUT) after FROM, JOIN, INTO or UPDATE:
//   simple-case      CASE x WHEN …: Citus sends it to the shards as WHEN NULL::boolean (its issue #2862); write
//                    CASE WHEN x = … instead.
//   correlated-cte   a subquery used as a value that refers to a table of the statement around it, in a statement
//                    with a CTE: Citus plans CTEs apart and cannot then run the correlated subquery; join instead.
import { CITUS_LAYOUT } from "./layout.ts";

export interface SqlText {
  /** Where it comes from: file and line. */
  at: string;
  /** The statement, each interpolation `${…}` replaced by `$x`. */
  text: string;
}

export interface Breach {
  rule: "simple-case" | "correlated-cte";
  at: string;
  excerpt: string;
}

const DISTRIBUTED = Object.entries(CITUS_LAYOUT)
  .filter(([, p]) => p.kind === "distributed")
  .map(([t]) => t);
const NAMES_DISTRIBUTED = new RegExp(`\\b(from|join|into|update)\\s+(${DISTRIBUTED.join("|")})\\b`, "i");
const SQL_START = /^\s*(with|select|insert|update|delete|create\s+temp)/i;

/** Every template literal of a TypeScript source that reads as SQL, nested ones apart. */
export function sqlLiterals(file: string, source: string): SqlText[] {
  const out: SqlText[] = [];
  const lineAt = (i: number) => source.slice(0, i).split("\n").length;
  // Reads a template literal starting after its opening backtick; returns the index after its closing one.
  const literal = (start: number): number => {
    let text = "";
    let i = start;
    while (i < source.length && source[i] !== "`") {
      if (source[i] === "\\") {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (source[i] === "$" && source[i + 1] === "{") {
        i = interpolation(i + 2);
        text += "$x";
      } else {
        text += source[i];
        i++;
      }
    }
    if (SQL_START.test(text)) out.push({ at: `${file}:${lineAt(start)}`, text });
    return i + 1;
  };
  // Skips an interpolation's code (nested literals read on the way); returns the index after its closing brace.
  const interpolation = (start: number): number => {
    let depth = 1;
    let i = start;
    while (i < source.length && depth > 0) {
      const c = source[i];
      if (c === "`") {
        i = literal(i + 1);
        continue;
      }
      if (c === '"' || c === "'") {
        i = skipQuoted(source, i);
        continue;
      }
      if (c === "/" && regexCanStart(source, i)) {
        i = skipQuoted(source, i);
        continue;
      }
      if (c === "{") depth++;
      if (c === "}") depth--;
      i++;
    }
    return i;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "/" && source[i + 1] === "/") {
      i = source.indexOf("\n", i);
      if (i < 0) break;
    } else if (c === "/" && source[i + 1] === "*") {
      i = source.indexOf("*/", i + 2) + 1;
      if (i <= 0) break;
    } else if (c === '"' || c === "'" || (c === "/" && regexCanStart(source, i))) {
      i = skipQuoted(source, i) - 1;
    } else if (c === "`") {
      i = literal(i + 1) - 1;
    }
  }
  return out;
}

// A string or a regular expression literal starting at `start`: the index after its closing quote (escapes honoured).
function skipQuoted(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === "\\") i++;
    else if (source[i] === quote) return i + 1;
    else if (source[i] === "\n") return i;
  }
  return source.length;
}

// A slash starts a regular expression where an operand is expected, not after one (a division).
function regexCanStart(source: string, at: number): boolean {
  if (source[at + 1] === "/" || source[at + 1] === "*") return false;
  const before = source.slice(0, at).trimEnd();
  return before === "" || /[(,=:[!&|?{};]$/.test(before) || /\breturn$/.test(before);
}

/** What a statement breaks of the rules; nothing when it names no distributed table. */
export function breaches(s: SqlText): Breach[] {
  const text = s.text.replace(/--[^\n]*/g, "");
  if (!NAMES_DISTRIBUTED.test(text)) return [];
  const found: Breach[] = [];
  for (const m of text.matchAll(/\bcase\s+(?!when\b)(\S+)/gi)) {
    found.push({ rule: "simple-case", at: s.at, excerpt: text.slice(m.index, m.index + 40) });
  }
  if (/^\s*with\b/i.test(text)) {
    for (const sub of subqueries(text)) {
      const outside = aliasesOf(text.replace(sub, ""));
      const inside = aliasesOf(sub);
      for (const m of sub.matchAll(/\b([a-z_][a-z0-9_]*)\.[a-z_]/gi)) {
        const alias = m[1]!.toLowerCase();
        if (!inside.has(alias) && outside.has(alias)) {
          found.push({ rule: "correlated-cte", at: s.at, excerpt: sub.slice(0, 60) });
          break;
        }
      }
    }
  }
  return found;
}

// The parenthesised SELECTs of a statement used as values (scalar, IN, EXISTS), innermost included: not a CTE's body
// (`name as (select …)`) nor a lateral join's, which Citus plans as joins.
function subqueries(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "(" || !/^\(\s*select\b/i.test(text.slice(i, i + 20))) continue;
    if (/\b(as|lateral)\s*$/i.test(text.slice(Math.max(0, i - 12), i))) continue;
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === "(") depth++;
      if (text[j] === ")") depth--;
      if (depth === 0) {
        out.push(text.slice(i, j + 1));
        break;
      }
    }
  }
  return out;
}

// Table aliases a piece of SQL declares: `from t a`, `join t as a`, `from t` (the table's own name).
function aliasesOf(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(
    /\b(?:from|join)\s+(?:lateral\s+)?([a-z_][a-z0-9_.]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/gi,
  )) {
    names.add(m[1]!.toLowerCase());
    const alias = m[2]?.toLowerCase();
    if (
      alias &&
      !/^(on|where|join|left|inner|cross|using|group|order|limit|natural|full|right)$/.test(alias)
    ) {
      names.add(alias);
    }
  }
  return names;
}

const KEYWORD = /^(on|where|join|left|inner|cross|using|group|order|limit|natural|full|right|set|lateral)$/i;

/**
 * The distributed tables a statement reads or changes without naming the keys of their shards: each `from`, `join`
 * or `update` of one needs `alias.key = any(…)` or `alias.key = $n` on its distribution column somewhere in the
 * statement, or Citus sends it to every shard (an insert's rows route themselves). For the statements of a hot path,
 * recorded as they run (test/db/citus-routing.test.ts), since a join condition alone does not route.
 */
export function unroutedTables(statement: string): string[] {
  const text = statement.replace(/--[^\n]*/g, "").replace(/"/g, "");
  const out: string[] = [];
  for (const m of text.matchAll(
    /\b(?:from|join|update)\s+([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/gi,
  )) {
    const table = m[1]!.toLowerCase();
    const placement = CITUS_LAYOUT[table];
    if (placement?.kind !== "distributed") continue;
    const alias = m[2] && !KEYWORD.test(m[2]) ? m[2] : table;
    const key = new RegExp(`\\b${alias}\\.${placement.column}\\s*=\\s*(any\\s*\\(|\\$\\d)`, "i");
    const bare = new RegExp(`(where|and)\\s+${placement.column}\\s*=\\s*(any\\s*\\(|\\$\\d)`, "i");
    if (!key.test(text) && !(alias === table && bare.test(text))) out.push(`${table} ${alias}`);
  }
  return out;
}
