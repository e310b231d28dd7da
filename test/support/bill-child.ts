// A billing run in a child process, for the kill-and-rerun test: bills one provider's period in small batches
// and prints "batch <accounts done>" after each committed batch, so the parent knows when to kill it.
import { openDatabase } from "../../src/db/database.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import { makeDeps } from "../../src/services/deps.ts";

const [url, schema, provider, period, batch, now] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: url!, searchPath: schema!, poolSize: 2 });
const deps = makeDeps(database, () => new Date(now!));
await billPeriod(deps, {
  providerId: Number(provider),
  period: parsePeriod(period!),
  startedBy: "test",
  batchSize: Number(batch),
  onProgress: (done) => process.stdout.write(`batch ${done}\n`),
});
process.stdout.write("finished\n");
await database.close();
process.exit(0);
