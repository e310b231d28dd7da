// Fuzzing every operation of the OpenAPI document, as a hostile or broken client would: arbitrary strings (NUL and
// other control characters, lone surrogates, huge ones), arbitrary numbers and dates, wrong types, unknown
// fields and broken JSON, in every path, query, header and body parameter — mixed with plausible values (real
// ids, real codes, valid dates) so that requests also reach the services behind validation. The requests are
// generated from /api/openapi.json of the built app, so a new route is fuzzed without touching this file.
//
// Asserted for every request: the answer is never 5xx; and an answer of 4xx wrote nothing (row counts and a
// checksum of every table, before and after). Four tables are left out on purpose: rate_limits counts failed
// sign-ins, payment_callbacks records every callback, refused ones included, one_time_codes counts a wrong
// code's try, and audit_log records every attempt to link an account, refused ones included.
//
// One 5xx is an answer, not a fault: 503 for a part this server was built without (the billing schedule lives in
// the job queue, which `abonent serve` runs and the test's app does not), with its own documented code.
//
// FUZZ_SEED replays a run (the seed is printed on failure); FUZZ_RUNS sets the requests per operation.
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, test } from "node:test";
import fc from "fast-check";
import type { FastifyInstance, InjectOptions } from "fastify";
import { sql } from "kysely";
import { buildApp } from "../../src/channels/http/app.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { createLogger } from "../../src/logging.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";

const UNAVAILABLE_ON_PURPOSE = new Set(["billing_schedule_unavailable"]);

function unavailableOnPurpose(status: number, body: string): boolean {
  if (status !== 503) return false;
  try {
    return UNAVAILABLE_ON_PURPOSE.has((JSON.parse(body) as { error?: { code?: string } }).error?.code ?? "");
  } catch {
    return false;
  }
}
const T0 = "2026-11-25T09:00:00.000Z";
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 20);
const SEED = Number(process.env["FUZZ_SEED"] ?? Math.floor(Math.random() * 2 ** 31));
const WRITTEN_ON_REFUSAL = new Set(["rate_limits", "payment_callbacks", "one_time_codes", "audit_log"]);

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
};
interface Parameter {
  in: "path" | "query" | "header";
  name: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  id: string;
  method: "GET" | "POST" | "DELETE" | "PUT" | "PATCH";
  path: string;
  parameters: Parameter[];
  /** Media type → schema of the request body, when it has one. */
  body: Record<string, Schema> | null;
}

/** Values the region really has, so that generated requests also get past validation and authorisation. */
interface Known {
  tokens: Record<"resident" | "operator" | "admin" | "platform", string>;
  byName: Record<string, unknown[]>;
}

// ---- arbitraries ----------------------------------------------------------------------------------------------

// NUL weighs most: PostgreSQL refuses it in text, so it is the one most likely to reach the database as a 500.
const NASTY_CHARS = [
  ...Array<string>(5).fill("\u0000"),
  "\u0001",
  "\u0007",
  "\u001b",
  "\u001f",
  "\u007f",
  "\t",
  "\n",
  "\r",
  "\ud800",
  "\udfff",
];
const PLAIN_CHARS = [
  "a",
  "Z",
  "0",
  "9",
  " ",
  "-",
  ".",
  ",",
  "/",
  "'",
  '"',
  "\\",
  "%",
  "@",
  "+",
  "é",
  "ї",
  "Ё",
  "€",
  "𝄞",
];
const wildString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...NASTY_CHARS, ...PLAIN_CHARS), maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "99999999999999999999",
    "NaN",
    "null",
    "[]",
    "{}",
    "../../etc/passwd",
    "' or 1=1 --",
    "<script>alert(1)</script>",
    "%00",
    "x".repeat(5000),
  ),
);
const wildNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 2 ** 63, 1e20, -1e20, Number.MAX_VALUE),
);
const dateText = fc.oneof(
  fc
    .date({
      min: new Date("0001-01-01T00:00:00Z"),
      max: new Date("9999-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    "0001-01-01",
    "9999-12-31",
    "0000-00-00",
    "2026-02-30",
    "2026-13-01",
    "2026-1-1",
    "1999-12-31",
    "2026-01-01",
    "2026-11-25",
    "2100-01-01",
  ),
);
/** The text with one of the nasty characters slipped in somewhere. */
function poisoned(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(text, fc.constantFrom(...NASTY_CHARS), fc.nat())
    .map(([t, c, i]) => t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1)));
}

/** A bank registry's lines: a header and a few lines of plain text and numbers. */
const csvText = fc
  .array(
    fc.array(fc.string({ unit: fc.constantFrom(...PLAIN_CHARS.filter((c) => c !== ",")) }), { maxLength: 5 }),
    {
      maxLength: 4,
    },
  )
  .map((lines) => ["reference,account,amount,date", ...lines.map((l) => l.join(","))].join("\n"));

/** A date the platform could hold records for. */
const recentDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const periodText = fc.oneof(
  dateText.map((d) => d.slice(0, 7)),
  fc.constantFrom("2026-10", "2026-11", "2026-12", "2025-12", "1999-01", "9999-12", "0000-00", "2026-1"),
);
const wildValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    wildString,
    wildNumber,
    dateText,
    periodText,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(wildString, tie("value"), { maxKeys: 3 }),
  ),
})).value;

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  return schema.$ref ? resolve(components[schema.$ref.split("/").pop()!] ?? {}, components) : schema;
}

/** What generation draws on: the region's real values, the document's shared schemas, and whether to stay tame. */
interface Gen {
  known: Known;
  components: Record<string, Schema>;
  /** Tame requests hold only real or plausible values, so that they reach the services behind validation. */
  tame: boolean;
}

/**
 * A value for a field: one of the region's real values for a field of that name, a value plausible for its schema,
 * and (unless tame) a real value with a control character slipped in, a value just past a limit, or anything.
 */
function valueFor(name: string, raw: Schema, gen: Gen, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw, gen.components);
  const choices: fc.WeightedArbitrary<unknown>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<unknown>, wild = false) => {
    if (!(wild && gen.tame)) choices.push({ weight, arbitrary });
  };
  add(1, wildValue, true);
  const real = gen.known.byName[name];
  if (real?.length) add(6, fc.constantFrom(...real));
  const texts = (real ?? []).filter((v): v is string => typeof v === "string");
  if (texts.length || schema.type === "string") {
    const text = texts.length
      ? fc.constantFrom(...texts)
      : fc.string({ unit: fc.constantFrom(...PLAIN_CHARS) });
    add(3, poisoned(text), true);
  }
  if (schema.enum?.length) add(4, fc.constantFrom(...schema.enum));
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter(
    (b) => b.type || b.properties || b.$ref,
  );
  for (const b of branches) add(4, valueFor(name, b, gen, depth + 1));
  const type = Array.isArray(schema.type)
    ? schema.type[0]
    : (schema.type ?? (schema.properties ? "object" : undefined));
  if (type === "string" && !schema.enum) {
    const maxLength = schema.maxLength ?? 40;
    if (schema.format === "date") add(3, recentDate);
    else if (schema.pattern?.includes("[0-9]{4}-") || /period/i.test(name))
      add(
        3,
        recentDate.map((d) => d.slice(0, 7)),
      );
    else add(3, fc.string({ unit: fc.constantFrom(...PLAIN_CHARS), minLength: 1, maxLength }));
  } else if (type === "integer" || type === "number") {
    const min = schema.minimum ?? -1000;
    const max = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
    add(3, fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.max(Math.min(max, 2 ** 31), min) }));
    add(2, fc.constantFrom(min - 1, max + 1, 0, 1e20), true);
  } else if (type === "boolean") {
    add(3, fc.boolean());
  } else if (type === "array" && depth < 3) {
    add(6, fc.array(valueFor(`${name}[]`, schema.items ?? {}, gen, depth + 1), { maxLength: 4 }));
  } else if (type === "object" && depth < 3) {
    add(8, objectFor(schema, gen, depth + 1));
  }
  return choices.length ? fc.oneof(...choices) : wildValue;
}

/** An object with its required properties (usually) and any of the others, now and then (unless tame) an unknown one. */
function objectFor(schema: Schema, gen: Gen, depth: number) {
  // A oneOf of branches that each require one field ("value" or "values"): tame objects carry exactly one.
  const branches = schema.oneOf ?? [];
  const exclusive = branches.every((b) => b.required?.length === 1 && Object.keys(b).length === 1)
    ? branches.map((b) => b.required![0]!)
    : [];
  const required = new Set([...(schema.required ?? []), ...(gen.tame ? exclusive : [])]);
  const model = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, s]) => [
      key,
      fc.option(valueFor(key, s, gen, depth), { nil: undefined, freq: required.has(key) ? 12 : 2 }),
    ]),
  );
  const extra = gen.tame
    ? fc.constant(null)
    : fc.oneof(
        { weight: 9, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.tuple(wildString, wildValue) },
      );
  return fc.tuple(fc.record(model), extra, fc.nat()).map(([object, unknownField, pick]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(object)) if (v !== undefined) out[k] = v;
    if (gen.tame && exclusive.length) {
      for (const [i, k] of exclusive.entries()) if (i !== pick % exclusive.length) delete out[k];
    }
    if (unknownField) out[unknownField[0]] = unknownField[1];
    return out;
  });
}

const ACTORS = ["anonymous", "resident", "operator", "admin", "platform"] as const;
const asText = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
function inPath(v: unknown): string {
  try {
    return encodeURIComponent(asText(v));
  } catch {
    return "%ED%A0%80"; // a lone surrogate: bytes no URL decoder accepts
  }
}

/** One request to an operation, as inject options. */
function requestFor(op: Operation, gen: Gen): fc.Arbitrary<InjectOptions> {
  const params = (where: Parameter["in"]) => op.parameters.filter((p) => p.in === where);
  const values = (where: Parameter["in"]) =>
    fc.record(
      Object.fromEntries(
        params(where).map((p) => [
          p.name,
          p.required || where === "path"
            ? valueFor(p.name, p.schema, gen)
            : fc.option(valueFor(p.name, p.schema, gen), { nil: undefined }),
        ]),
      ),
    );
  const printable = fc.string({
    unit: fc.constantFrom(...PLAIN_CHARS.filter((c) => c.charCodeAt(0) < 127)),
    maxLength: 60,
  });
  const headers = fc.record(
    Object.fromEntries(params("header").map((p) => [p.name, fc.option(printable, { nil: undefined })])),
  );
  const jsonSchema = op.body?.["application/json"];
  const otherType = op.body ? Object.keys(op.body).find((t) => t !== "application/json") : undefined;
  const body: fc.Arbitrary<{ type: string; payload: string } | null> = !op.body
    ? fc.constant(null)
    : fc.oneof(
        ...(jsonSchema
          ? [
              {
                weight: 6,
                arbitrary: valueFor("body", jsonSchema, gen).map((v) => ({
                  type: "application/json",
                  payload: JSON.stringify(v) ?? "null",
                })),
              },
            ]
          : []),
        ...(gen.tame
          ? []
          : [
              {
                weight: 1,
                arbitrary: fc
                  .tuple(
                    fc.constantFrom("{", "", "[", '{"a":', "\u0000", "null"),
                    fc.constantFrom("application/json", "text/plain"),
                  )
                  .map(([payload, type]) => ({ type, payload })),
              },
            ]),
        ...(otherType
          ? [
              {
                weight: 2,
                arbitrary: (gen.tame ? csvText : wildString).map((payload) => ({ type: otherType, payload })),
              },
            ]
          : []),
      );
  // Signing out would end the session the other requests use: it gets no credential of ours.
  // Tame requests come from those who may do most: the resident owning the accounts, and administrators.
  const actors =
    op.id === "signOut"
      ? (["anonymous"] as const)
      : gen.tame
        ? (["resident", "admin", "platform"] as const)
        : ACTORS;
  return fc
    .record({
      actor: fc.constantFrom(...actors),
      lang: fc.constantFrom("uk", "ru", "en", "de"),
      path: values("path"),
      query: values("query"),
      headers,
      body,
    })
    .map(({ actor, lang, path, query, headers: h, body: b }) => {
      const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => inPath(path[name]));
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) {
        if (v === undefined) continue;
        for (const item of Array.isArray(v) ? v : [v]) search.append(k, asText(item));
      }
      const all: Record<string, string> = { "accept-language": lang };
      for (const [k, v] of Object.entries(h)) if (v !== undefined) all[k] = v;
      if (actor !== "anonymous") all["authorization"] = `Bearer ${gen.known.tokens[actor]}`;
      if (b) all["content-type"] = b.type;
      const qs = search.toString();
      return {
        method: op.method,
        url: qs ? `${url}?${qs}` : url,
        headers: all,
        ...(b ? { payload: b.payload } : {}),
      };
    });
}

// ---- the database's state -------------------------------------------------------------------------------------

/** Row count and an order-independent checksum of every row, per table. */
async function tablesState(fixture: DbFixture, tables: string[]): Promise<Record<string, string>> {
  const query = tables
    .map(
      (t) =>
        `select '${t}' as t, count(*) || ':' || coalesce(sum(hashtext(x::text)::bigint), 0) as v from "${t}" x`,
    )
    .join(" union all ");
  const { rows } = await sql.raw<{ t: string; v: string }>(query).execute(fixture.database.db);
  return Object.fromEntries(rows.map((r) => [r.t, String(r.v)]));
}

// ---- the suite --------------------------------------------------------------------------------------------------

forEachDatabase(
  "fuzzing every operation of the OpenAPI document",
  (get) => {
    let app: FastifyInstance;
    const errors: string[] = [];
    let operations: Operation[] = [];
    let components: Record<string, Schema> = {};
    let known: Known;
    let tables: string[] = [];

    before(async () => {
      get().setNow(T0);
      // Error lines kept, to show why a request failed with a 5xx.
      const errorLog = new Writable({
        write(chunk, _e, done) {
          errors.push(String(chunk));
          done();
        },
      });
      app = await buildApp({
        deps: get().deps,
        config: { logLevel: "error", production: false, demoGateway: "on", port: 3000 },
        logger: createLogger({ logLevel: "error", production: true }, errorLog),
      });
      const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      components = doc.components?.schemas ?? {};
      for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          const content = (op["requestBody"] as { content?: Record<string, { schema: Schema }> } | undefined)
            ?.content;
          operations.push({
            id: String(op["operationId"] ?? `${method} ${path}`),
            method: method.toUpperCase() as Operation["method"],
            path,
            parameters: (op["parameters"] as Parameter[] | undefined) ?? [],
            body: content ? Object.fromEntries(Object.entries(content).map(([t, c]) => [t, c.schema])) : null,
          });
        }
      }
      operations = operations.sort((a, b) => a.id.localeCompare(b.id));

      const signIn = async (login: string) => {
        const res = await app.inject({
          method: "POST",
          url: "/api/session",
          payload: { login, password: DEMO_PASSWORD },
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().token as string;
      };
      const tokens = {
        resident: await signIn(DEMO_PEOPLE.resident.email),
        operator: await signIn(DEMO_PEOPLE.operator.email),
        admin: await signIn(DEMO_PEOPLE.administrator.email),
        platform: await signIn(DEMO_PEOPLE.platformAdmin.email),
      };
      const as = (token: string) => ({ authorization: `Bearer ${token}` });
      const accounts = (
        await app.inject({ method: "GET", url: "/api/accounts", headers: as(tokens.resident) })
      ).json();
      const accountIds: number[] = accounts.map((a: { id: number }) => a.id);
      const meterIds: number[] = [];
      for (const id of accountIds) {
        const meters = await app.inject({
          method: "GET",
          url: `/api/accounts/${id}/meters`,
          headers: as(tokens.resident),
        });
        meterIds.push(...meters.json().map((m: { id: number }) => m.id));
      }
      const order = await app.inject({
        method: "POST",
        url: `/api/accounts/${accountIds[0]}/payments`,
        headers: as(tokens.resident),
        payload: { amount: "10.00" },
      });
      assert.equal(order.statusCode, 201, order.body);
      const apiToken = await app.inject({
        method: "POST",
        url: "/api/tokens",
        headers: as(tokens.resident),
        payload: { name: "fuzz" },
      });
      const providers = await get().database.db.selectFrom("providers").select(["id", "code"]).execute();
      known = {
        tokens,
        byName: {
          accountId: [...accountIds, accountIds[0]! + 1, 1],
          meterId: meterIds,
          tokenId: [apiToken.json().id],
          orderId: [order.json().orderId],
          provider: [...providers.map((p) => p.code), ...providers.map((p) => String(p.id))],
          gateway: ["demo", "liqpay"],
          source: ["standard", "demo-bank"],
          login: [DEMO_PEOPLE.resident.email, DEMO_PEOPLE.resident.phone],
          period: ["2026-10", "2026-11", "2025-12"],
          from: ["2026-01-01", "2026-06-01"],
          to: ["2026-11-25", "2026-06-30"],
          amount: ["100.00", "1 234,56", "0.01", "100000.01"],
          value: ["12 345", "1", "0", "99999999", "123.4", "1,5"],
          zone: [1, 2, 3],
          name: ["Home Assistant"],
          password: [DEMO_PASSWORD],
        },
      };
      const { rows } = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(get().database.db);
      tables = rows.map((r) => r.table_name).filter((t) => !WRITTEN_ON_REFUSAL.has(t));
    });
    after(async () => {
      await app?.close();
    });

    test("every operation: never a 5xx, and nothing written by a refusal", async (t) => {
      assert.ok(operations.length >= 20, `the OpenAPI document lists ${operations.length} operations`);
      assert.ok(tables.includes("ledger_entries") && tables.includes("readings"), tables.join(", "));
      t.diagnostic(`FUZZ_SEED=${SEED}, ${RUNS} requests per operation, ${operations.length} operations`);
      let state = await tablesState(get(), tables);
      const statuses: string[] = [];
      for (const [i, op] of operations.entries()) {
        const seen = new Map<number, number>();
        try {
          await fc.assert(
            fc.asyncProperty(
              fc.oneof(
                { weight: 3, arbitrary: requestFor(op, { known, components, tame: false }) },
                { weight: 2, arbitrary: requestFor(op, { known, components, tame: true }) },
              ),
              async (request) => {
                errors.length = 0;
                const res = await app.inject(request);
                seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
                const what = `${request.method} ${request.url} ${JSON.stringify(request.payload ?? "").slice(0, 300)}`;
                const now = await tablesState(get(), tables);
                const changed = Object.keys(now).filter((k) => now[k] !== state[k]);
                state = now;
                assert.ok(
                  res.statusCode < 500 || unavailableOnPurpose(res.statusCode, res.body),
                  `${what} → ${res.statusCode} ${res.body.slice(0, 300)}\n${errors.join("")}`,
                );
                if (res.statusCode >= 400) {
                  assert.deepEqual(changed, [], `${what} → ${res.statusCode} wrote to ${changed.join(", ")}`);
                }
              },
            ),
            { numRuns: RUNS, seed: SEED + i, includeErrorInReport: true },
          );
        } catch (e) {
          throw new Error(`${op.id}: replay with FUZZ_SEED=${SEED}\n${(e as Error).message}`);
        }
        statuses.push(`${op.id} ${[...seen].map(([s, n]) => `${s}×${n}`).join(" ")}`);
      }
      t.diagnostic(statuses.join("\n"));
    });
  },
  async (fixture: DbFixture) => {
    await seedRegion(fixture.database, { accounts: 20, seed: 7, asOf: "2026-11-25" });
  },
);
