// bench:console-search — the operator's search for an account (searchAccounts) as the console calls it, through
// the registry as an operator of the account's provider, on PostgreSQL: queries drawn from the region's own
// accounts the way callers read them out (the number as printed, its separators dropped, Cyrillic look-alikes,
// its leading zeros dropped; the holder's name, a surname with a slip; street and building; a full address; a
// resident's phone), p50/p95/p99 per kind against a baseline of as many bare `select … from accounts where id = $1`
// round trips on the same pool, and how often the account asked for came first. Usage:
//   DATABASE_URL=postgres://… npm run bench:console-search -- [--calls 300] [--concurrency 4]
// Read-only, on a database that holds a region at the current migrations (search tables of migration 0023).
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { openDatabase } from "../src/db/database.ts";
import { LATIN_TO_CYRILLIC } from "../src/domain/account-number.ts";
import type { Actor } from "../src/services/actor.ts";
import { makeDeps } from "../src/services/deps.ts";
import { AppError } from "../src/services/errors.ts";
import { callUseCase } from "../src/services/registry.ts";

const { values: args } = parseArgs({
  options: {
    calls: { type: "string", default: "300" },
    concurrency: { type: "string", default: "4" },
  },
});
const url = process.env["DATABASE_URL"];
if (!url?.startsWith("postgres")) {
  console.error("bench:console-search needs DATABASE_URL=postgres://…");
  process.exit(2);
}
const calls = Number(args.calls);
const concurrency = Number(args.concurrency);

const database = await openDatabase({ databaseUrl: url, poolSize: concurrency + 2 });
const deps = makeDeps(database);
const { db } = database;
const accounts = Number(
  (await sql<{ n: number }>`select count(*)::int8 as n from accounts`.execute(db)).rows[0]?.n ?? 0,
);
if (accounts === 0) throw new Error("no accounts: seed a region first (npm run bench:views seeds one)");

interface Sample {
  id: number;
  provider_id: number;
  number: string;
  holder_name: string;
  street: string;
  building: string;
  apartment: string | null;
  settlement: string;
}
// Random accounts with their addresses, and random linked residents with a phone.
const { rows: samples } = await sql<Sample>`
  select a.id, a.provider_id, a.number, a.holder_name, p.street, p.building, p.apartment, s.name_uk as settlement
  from accounts a tablesample system (1) join premises p on p.id = a.premise_id
  join settlements s on s.id = p.settlement_id
  limit ${calls}`.execute(db);
const { rows: phones } = await sql<{ account_id: number; provider_id: number; phone: string }>`
  select ua.account_id, ua.provider_id, u.phone
  from user_accounts ua tablesample system (2) join users u on u.id = ua.user_id
  where u.phone is not null limit ${calls}`.execute(db);
if (samples.length === 0 || phones.length === 0) throw new Error("no accounts or phones to search for");

const typo = (word: string) => {
  // One letter dropped from the middle: "Шевченко" → "Шевчеко".
  const letters = [...word];
  const at = Math.floor(letters.length / 2) + 1;
  return letters.length > 4 ? [...letters.slice(0, at), ...letters.slice(at + 1)].join("") : word;
};
const bareStreet = (street: string) => street.replace(/^\p{L}+\.\s*/u, "");
/** "050 002 08 35": how a caller reads it out. */
const spoken = (phone: string) => {
  const n = `0${phone.slice(4)}`;
  return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
};

type Hit = {
  id: number;
  holderName: string;
  address: { street: string; building: string; apartment: string | null };
};
interface Kind {
  pick(i: number): { query: string; providerId: number };
  /** Whether the first hit (or, for a phone, any hit) is the one asked for. */
  found(i: number, hits: Hit[]): boolean;
}
const sample = (i: number) => samples[i % samples.length]!;
const firstIs = (i: number, hits: Hit[]) => hits[0]?.id === sample(i).id;
const kinds: Record<string, Kind> = {
  numberAsPrinted: {
    pick: (i) => ({ query: sample(i).number, providerId: sample(i).provider_id }),
    found: firstIs,
  },
  numberNoSeparators: {
    pick: (i) => ({
      query: sample(i).number.replace(/[^\p{L}\p{N}]/gu, ""),
      providerId: sample(i).provider_id,
    }),
    found: firstIs,
  },
  numberLookalikes: {
    pick: (i) => ({
      query: [...sample(i).number]
        .map((c) => LATIN_TO_CYRILLIC[c] ?? c)
        .join("")
        .toLowerCase(),
      providerId: sample(i).provider_id,
    }),
    found: firstIs,
  },
  numberNoLeadingZeros: {
    pick: (i) => ({
      query: sample(i).number.replace(/(^|[^0-9])0+(?=[0-9])/g, "$1"),
      providerId: sample(i).provider_id,
    }),
    found: (i, hits) => hits.some((h) => h.id === sample(i).id),
  },
  holderName: {
    pick: (i) => ({ query: sample(i).holder_name, providerId: sample(i).provider_id }),
    found: (i, hits) => hits[0]?.holderName === sample(i).holder_name,
  },
  surnameWithSlip: {
    pick: (i) => ({ query: typo(sample(i).holder_name.split(" ")[0]!), providerId: sample(i).provider_id }),
    found: (i, hits) => hits[0]?.holderName.split(" ")[0] === sample(i).holder_name.split(" ")[0],
  },
  streetAndBuilding: {
    pick: (i) => ({
      query: `${bareStreet(sample(i).street)} ${sample(i).building}`,
      providerId: sample(i).provider_id,
    }),
    found: (i, hits) =>
      hits[0]?.address.street === sample(i).street && hits[0]?.address.building === sample(i).building,
  },
  fullAddress: {
    pick: (i) => {
      const s = sample(i);
      const flat = s.apartment ? `, кв. ${s.apartment}` : "";
      return { query: `${s.settlement}, ${s.street}, ${s.building}${flat}`, providerId: s.provider_id };
    },
    found: (i, hits) => hits.some((h) => h.id === sample(i).id),
  },
  phone: {
    pick: (i) => ({
      query: spoken(phones[i % phones.length]!.phone),
      providerId: phones[i % phones.length]!.provider_id,
    }),
    found: (i, hits) => hits.some((h) => h.id === phones[i % phones.length]!.account_id),
  },
};

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function measure(one: (i: number) => Promise<void>): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      const i = next++;
      const started = performance.now();
      try {
        await one(i);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        errors++;
      }
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), errors };
}

const operatorOf = (providerId: number) => ({
  actor: { kind: "staff", userId: 1, role: "operator", providerId, locale: "uk" } satisfies Actor,
  channel: "contact_centre" as const,
  locale: "uk" as const,
});
const search = (kind: Kind, i: number) => {
  const { query, providerId } = kind.pick(i);
  return callUseCase(deps, "searchAccounts", operatorOf(providerId), { query });
};
const baseline = async (i: number) => {
  await sql`select id, number from accounts where id = ${sample(i).id}`.execute(db);
};

// A warm-up of each, so the first figures are not the pool's connecting and the planner's first plans.
for (const kind of Object.values(kinds))
  for (let i = 0; i < Math.min(30, calls); i++) await search(kind, i).catch(() => undefined);
for (let i = 0; i < Math.min(100, calls); i++) await baseline(i);

const base = await measure(baseline);
const results: Record<string, Figures & { ratio_p50: number; found: number }> = {};
for (const [name, kind] of Object.entries(kinds)) {
  let found = 0;
  const f = await measure(async (i) => {
    if (kind.found(i, await search(kind, i))) found++;
  });
  results[name] = {
    ...f,
    ratio_p50: Math.round((f.p50 / base.p50) * 10) / 10,
    found: Math.round((found / calls) * 1000) / 1000,
  };
  console.log(
    `${name.padEnd(22)} p50 ${f.p50.toFixed(2).padStart(7)} ms  p95 ${f.p95.toFixed(2).padStart(7)} ms  ` +
      `p99 ${f.p99.toFixed(2).padStart(7)} ms  ×${results[name].ratio_p50} baseline  ` +
      `${(results[name].found * 100).toFixed(1)}% found first`,
  );
}
console.log(
  `${"baseline select".padEnd(22)} p50 ${base.p50.toFixed(2).padStart(7)} ms  p95 ${base.p95.toFixed(2).padStart(7)} ms  ` +
    `p99 ${base.p99.toFixed(2).padStart(7)} ms  (${calls} calls each, ${concurrency} at a time, ${accounts} accounts)`,
);
await database.close();
console.log(
  JSON.stringify({ bench: "console-search", accounts, calls, concurrency, kinds: results, baseline: base }),
);
process.exit(0);
