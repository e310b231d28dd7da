// The import under measure for bench:registry, in a process of its own so that its peak RSS is the import's alone:
// the file streamed from disk through importPaymentRegistry, as `abonent import payments` does. Prints one JSON
// line: seconds, peak RSS, RSS before the import, and the report's counts.
import { createReadStream } from "node:fs";
import { openDatabase } from "../src/db/database.ts";
import { makeDeps } from "../src/services/deps.ts";
import { importPaymentRegistry } from "../src/services/registries/import-payment-registry.ts";

const [file, now] = process.argv.slice(2) as [string, string];
const database = await openDatabase({ databaseUrl: process.env["DATABASE_URL"]!, poolSize: 2 });
const rssBeforeMb = Math.round(process.memoryUsage().rss / 1e6);
const started = performance.now();
const r = await importPaymentRegistry(
  makeDeps(database, () => new Date(now)),
  {
    source: "standard",
    fileName: "bench-registry.csv",
    content: () => createReadStream(file, { highWaterMark: 1 << 16 }),
    importedBy: "cli",
    locale: "en",
  },
);
const seconds = (performance.now() - started) / 1000;
await database.close();
console.log(
  JSON.stringify({
    seconds,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeMb,
    lines: r.lines,
    posted: r.posted,
    postedKop: r.postedKop,
    duplicates: r.duplicates,
    unmatched: r.unmatched,
    malformed: r.malformed,
  }),
);
