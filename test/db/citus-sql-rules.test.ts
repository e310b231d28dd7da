// The SQL rules Citus imposes, guarded where Citus is not (CI, PGlite, plain PostgreSQL): every statement of the
// application that names a distributed table keeps them (src/db/citus/sql-rules.ts), and every table the
// migrations make has a place in the Citus layout.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { schemaTables, unplaced } from "../../src/db/citus/distribute.ts";
import { breaches, sqlLiterals } from "../../src/db/citus/sql-rules.ts";
import { forEachDatabase } from "../support/databases.ts";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

test("no statement of the application that names a distributed table breaks a Citus rule", () => {
  const statements = sources("src").flatMap((f) => sqlLiterals(f, readFileSync(f, "utf8")));
  // The scan finds the application's SQL (a broken scanner would pass everything).
  assert.ok(statements.length > 80, `only ${statements.length} statements found`);
  assert.ok(
    statements.some((s) => /insert into readings|insertInto/.test(s.text) || /from readings/.test(s.text)),
  );
  const found = statements.flatMap(breaches);
  assert.deepEqual(
    found.map((b) => `${b.rule} at ${b.at}: ${b.excerpt}`),
    [],
  );
});

test("the rules catch what Citus refuses, and let the rewritten forms through", () => {
  const at = "example";
  const rules = (text: string) => breaches({ at, text }).map((b) => b.rule);
  assert.deepEqual(rules("select case m.kind when 'a' then 1 else 2 end from meters m"), ["simple-case"]);
  assert.deepEqual(rules("select case $x when 'resident' then 1 end from accounts a"), ["simple-case"]);
  assert.deepEqual(rules("select case when m.kind = 'a' then 1 else 2 end from meters m"), []);
  // Only statements over distributed tables are held to them: temporary tables and reference tables are not.
  assert.deepEqual(rules("select case x.k when 1 then 2 end from bill_metered x"), []);
  assert.deepEqual(
    rules(`with w as (select 1 from providers)
           select a.id, (select max(r.value) from readings r where r.account_id = a.id) from accounts a`),
    ["correlated-cte"],
  );
  assert.deepEqual(
    rules(`with w as (select 1 from providers)
           select a.id, m.v from accounts a join (select account_id, max(value) as v from readings group by 1) m
             on m.account_id = a.id`),
    [],
  );
  // Without a CTE a correlated subquery is planned (Citus pushes it down with its table).
  assert.deepEqual(
    rules("select (select max(r.value) from readings r where r.account_id = a.id) from accounts a"),
    [],
  );
});

test("SQL is found inside interpolations and nested templates, not in comments or strings", () => {
  const source = [
    "// sql`select case x when 1 then 2 end from readings`",
    'const a = "select case x when 1 from readings";',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a TypeScript source as text, its interpolations included
    "const b = sql`select ${sql`case r.kind when 'x' then 1 end`} from readings r where ${cond}`;",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: likewise
    "const c = sql`insert into ledger_entries select * from ${sql.table('t')}`;",
  ].join("\n");
  const found = sqlLiterals("f.ts", source);
  assert.deepEqual(
    found.map((s) => s.text),
    ["select $x from readings r where $x", "insert into ledger_entries select * from $x"],
  );
  assert.equal(found[0]!.at, "f.ts:3");
});

forEachDatabase("the Citus layout", (get) => {
  test("places every table the migrations make", async () => {
    const tables = await get().database.withSession((s) => schemaTables(s));
    assert.ok(tables.includes("ledger_entries") && tables.includes("account_numbers"), tables.join(", "));
    assert.deepEqual(unplaced(tables), []);
    assert.deepEqual(unplaced([...tables, "a_new_table"]), ["a_new_table"]);
  });
});
