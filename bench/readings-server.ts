// The server under load for bench:readings: the real HTTP app on PostgreSQL, with its clock standing inside
// the electricity window (so submissions are accepted whatever today's date), plus one bare endpoint that
// only inserts a row: the ceiling of this machine and database.
import { sql } from "kysely";
import { buildApp } from "../src/channels/http/app.ts";
import { openDatabase } from "../src/db/database.ts";
import { makeDeps } from "../src/services/deps.ts";

const url = process.env["DATABASE_URL"]!;
const start = Date.parse(process.env["BENCH_NOW"]!);
const startedAt = Date.now();

const database = await openDatabase({
  databaseUrl: url,
  poolSize: Number(process.env["DB_POOL_SIZE"] ?? 20),
});
await database.exec(
  "create table if not exists bench_rows (id bigint generated always as identity primary key, account_id bigint not null, value numeric(12,3) not null, at timestamptz not null default now())",
);
const app = await buildApp({
  deps: makeDeps(database, () => new Date(start + (Date.now() - startedAt))),
  config: { logLevel: "silent", production: true },
  logger: false,
});
app.post<{ Body: { accountId: number; value: string } }>("/bench/insert", async (request, reply) => {
  await sql`insert into bench_rows (account_id, value) values (${request.body.accountId}, ${request.body.value})`.execute(
    database.db,
  );
  return reply.status(201).send({ ok: true });
});
// Port 0: the system picks a free one (a fixed range once met another server's port), and the bench is told it.
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
// A bench that dies (a timeout, ^C) closes the channel it forked this server with: stop with it, rather than
// linger holding connections and taking CPU from the next run.
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
