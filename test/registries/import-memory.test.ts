// A registry far larger than the memory `abonent import payments` may use: the file streams through parsing and
// posting, so a 60,000-line file imports within a 64 MB JavaScript heap. The command itself needs 40–44 MB to start
// on PGlite (every command loads the one registry of use cases with their schemas, and PGlite with its extensions),
// and a 100-line file fails below that just as a 60,000-line one does: the file adds a few MB, not its size. The
// import that read the whole file into memory needed 411 MB for 50,000 lines. Both databases, real processes.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { migrate } from "../../src/db/migrate.ts";
import { cliTargets } from "../support/cli.ts";
import { registryRegion, writeLargeRegistry } from "../support/registry-region.ts";

const LINES = 60_000;
const workDir = mkdtempSync(join(tmpdir(), "abonent-import-memory-"));
const file = join(workDir, "large.csv");
writeLargeRegistry(file, LINES);
after(() => rmSync(workDir, { recursive: true, force: true }));

for (const target of cliTargets("import-memory")) {
  describe(`a large registry in a small heap [${target.name}]`, () => {
    before(async () => {
      await target.prepare();
      await target.read(async (database) => {
        await migrate(database);
        await registryRegion(database);
      });
    });
    after(() => target.dispose());

    test(`${LINES} lines import within a 64 MB heap: every line recorded, the ledger as reported`, async () => {
      const run = await target.run(["import", "payments", file, "--source", "standard", "--json"], {
        NODE_OPTIONS: "--max-old-space-size=64",
      });
      assert.equal(run.code, 0, run.stderr.slice(-2000));
      const r = JSON.parse(run.stdout);
      assert.deepEqual([r.lines, r.posted, r.duplicates, r.malformed], [LINES, LINES - 2, 1, 1]);
      assert.deepEqual(
        r.problems.map((p: { line: number; reason: string }) => [p.line, p.reason]),
        [
          [LINES / 2 + 1, "amount_malformed"],
          [LINES + 1, "duplicate_in_file"],
        ],
      );
      const totals = await target.read(async ({ db }) => {
        const { rows } = await sql<{ lines: number; entries: number; kop: number }>`
          select (select count(*)::int from registry_lines) as lines,
                 (select count(*)::int from ledger_entries where source = 'bank_registry') as entries,
                 (select coalesce(-sum(amount_kop), 0)::int8 from ledger_entries where source = 'bank_registry') as kop
        `.execute(db);
        return rows[0]!;
      });
      assert.deepEqual(totals, { lines: LINES, entries: LINES - 2, kop: r.postedKop });
    });
  });
}
