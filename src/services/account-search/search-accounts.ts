// The operator's one search field: whatever a caller reads out — the account number (any separators, Cyrillic
// look-alikes, leading zeros or none), a phone, the holder's name, the address — finds the account. Each reading
// of the text that fits is tried (domain/account-search-query.ts) and the hits are ranked together: the number
// exactly first, then the number without its zeros, the phone, then the best trigram similarity of a name or a
// street. Staff search their own provider only; a platform administrator every provider, or the one named.
import { type RawBuilder, sql } from "kysely";
import {
  ACCOUNT_KEY_UNPADDED_SQL,
  namesSettlement,
  readSearchQuery,
  type SearchQuery,
} from "../../domain/account-search-query.ts";
import type { Translated } from "../../i18n/locale.ts";
import { accountInScope, actorValues } from "../accounts/account-scope.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";

export type MatchedBy = "number" | "phone" | "name" | "address";

export interface AccountHit {
  id: number;
  number: string;
  holderName: string;
  closedOn: string | null;
  provider: { id: number; code: string; name: Translated };
  address: { settlement: Translated; street: string; building: string; apartment: string | null };
  services: string[];
  matchedBy: MatchedBy;
}

interface Candidate {
  accountId: number;
  score: number;
  matchedBy: MatchedBy;
}

// The tiers of the ranking: a similarity is at most 1, an address with its building at most 1.25.
const EXACT_NUMBER = 4;
const UNPADDED_NUMBER = 3;
const PHONE = 2;
// How many similar names or streets to take before finding their accounts: the best few are what an operator
// reads, and each may hold many accounts.
const SIMILAR_VALUES = 10;

export async function searchAccounts(
  deps: Deps,
  options: { actor: Actor; query: string; provider?: string | undefined; limit: number },
): Promise<AccountHit[]> {
  const { actor, limit } = options;
  if (actor.kind === "resident") throw new AppError("not_found");
  const providerId =
    options.provider !== undefined
      ? (await findProviderForActor(deps, actor, options.provider)).id
      : actor.kind === "staff"
        ? actor.providerId
        : null;
  const query = readSearchQuery(options.query);
  if (query.text === "") throw new AppError("search_query_empty");

  const found = await Promise.all([
    byNumber(deps, query, providerId, limit),
    byPhone(deps, query, providerId, limit),
    byName(deps, query, providerId, limit),
    byAddress(deps, query, providerId, limit),
  ]);
  const best = new Map<number, Candidate>();
  for (const c of found.flat()) {
    const seen = best.get(c.accountId);
    if (!seen || c.score > seen.score) best.set(c.accountId, c);
  }
  const ranked = [...best.values()]
    .sort((a, b) => b.score - a.score || a.accountId - b.accountId)
    .slice(0, limit);
  return describe(deps, actor, providerId, ranked);
}

async function byNumber(
  deps: Deps,
  q: SearchQuery,
  providerId: number | null,
  limit: number,
): Promise<Candidate[]> {
  if (q.numberKey === null || q.unpaddedKey === null) return [];
  const { db } = deps.database;
  // The number's own table first: on Citus one shard's lookup (migration 0019).
  let exact = db
    .selectFrom("account_numbers")
    .select("account_id")
    .where("number_normalized", "=", q.numberKey);
  if (providerId !== null) exact = exact.where("provider_id", "=", providerId);
  const unpadded = await sql<{ id: number }>`
    select id from accounts
    where ${sql.raw(ACCOUNT_KEY_UNPADDED_SQL)} = ${q.unpaddedKey}
      ${providerId !== null ? sql`and provider_id = ${providerId}` : sql``}
    order by id limit ${limit}`.execute(db);
  return [
    ...(await exact.execute()).map((r) => ({
      accountId: Number(r.account_id),
      score: EXACT_NUMBER,
      matchedBy: "number" as const,
    })),
    ...unpadded.rows.map((r) => ({ accountId: r.id, score: UNPADDED_NUMBER, matchedBy: "number" as const })),
  ];
}

async function byPhone(
  deps: Deps,
  q: SearchQuery,
  providerId: number | null,
  limit: number,
): Promise<Candidate[]> {
  if (q.phone === null) return [];
  const { db } = deps.database;
  // The people first (on the coordinator, on Citus), then their links (with the accounts' shards).
  const people = await db
    .selectFrom("identities")
    .select("user_id")
    .where("kind", "in", ["phone", "caller"])
    .where("external_id", "=", q.phone)
    .execute();
  if (people.length === 0) return [];
  let links = db
    .selectFrom("user_accounts")
    .select("account_id")
    .where(
      "user_id",
      "in",
      people.map((p) => p.user_id),
    )
    .orderBy("account_id")
    .limit(limit);
  if (providerId !== null) links = links.where("provider_id", "=", providerId);
  return (await links.execute()).map((r) => ({
    accountId: Number(r.account_id),
    score: PHONE,
    matchedBy: "phone" as const,
  }));
}

async function byName(
  deps: Deps,
  q: SearchQuery,
  providerId: number | null,
  limit: number,
): Promise<Candidate[]> {
  if (q.name === null || [...q.name].length < 3) return [];
  const { db } = deps.database;
  // Similar among the distinct names (a small table, trigram-indexed), then their accounts by equality.
  const names = await sql<{ provider_id: number; holder_name: string; score: number }>`
    select provider_id, holder_name,
      greatest(similarity(holder_name, ${q.name}), word_similarity(${q.name}, holder_name))::float8 as score
    from account_holder_names
    where (holder_name % ${q.name} or ${q.name} <% holder_name)
      ${providerId !== null ? sql`and provider_id = ${providerId}` : sql``}
    order by score desc, holder_name limit ${SIMILAR_VALUES}`.execute(db);
  if (names.rows.length === 0) return [];
  // Each name's first accounts through the index on (holder_name, provider_id, id): a few rows per name, however
  // many hold it.
  const { rows } = await sql<{ id: number; score: number }>`${unionAll(
    names.rows.map(
      (n) => sql`select id, ${n.score}::float8 as score from accounts
        where holder_name = ${n.holder_name} and provider_id = ${n.provider_id} order by id limit ${limit}`,
    ),
  )}`.execute(db);
  return rows.map((r) => ({ accountId: r.id, score: r.score, matchedBy: "name" as const }));
}

async function byAddress(
  deps: Deps,
  q: SearchQuery,
  providerId: number | null,
  limit: number,
): Promise<Candidate[]> {
  if (q.placeWords.length === 0) return [];
  const { db } = deps.database;
  const settlements = await db
    .selectFrom("settlements")
    .select(["id", "name_uk", "name_ru", "name_en", "spoken_aliases"])
    .execute();
  const inSettlements = new Set<number>();
  const streetWords: string[] = [];
  for (const word of q.placeWords) {
    const named = settlements.filter((s) =>
      namesSettlement(word, [s.name_uk, s.name_ru, s.name_en, ...s.spoken_aliases]),
    );
    for (const s of named) inSettlements.add(s.id);
    if (named.length === 0) streetWords.push(word);
  }
  const street = streetWords.join(" ");
  if ([...street].length < 3) return [];
  const streets = await sql<{ settlement_id: number; street: string; score: number }>`
    select settlement_id, street,
      greatest(similarity(street, ${street}), word_similarity(${street}, street))::float8 as score
    from premise_streets
    where (street % ${street} or ${street} <% street)
      ${inSettlements.size > 0 ? sql`and settlement_id = any(${[...inSettlements]}::int[])` : sql``}
    order by score desc, street limit ${SIMILAR_VALUES}`.execute(db);
  if (streets.rows.length === 0) return [];
  const [building, apartment] = q.placeNumbers;
  // The building narrows (and lifts the hit above a name's); the apartment only lifts, so a slip there still
  // shows the building's accounts. Each street's first accounts through the index on (settlement_id, street,
  // building), in the order of its buildings.
  const spellings = (text: string) => [...new Set([text, text.toUpperCase(), text.toLowerCase()])];
  const { rows } = await sql<{ id: number; score: number }>`${unionAll(
    streets.rows.map(
      (s) => sql`select a.id, (${s.score}::float8 ${building !== undefined ? sql`+ 0.2` : sql``}
          ${apartment !== undefined ? sql`+ (case when p.apartment = any(${spellings(apartment)}::text[]) then 0.05 else 0 end)` : sql``}
        )::float8 as score
        from premises p join accounts a on a.premise_id = p.id
        where p.settlement_id = ${s.settlement_id} and p.street = ${s.street}
          ${building !== undefined ? sql`and p.building = any(${spellings(building)}::text[])` : sql``}
          ${providerId !== null ? sql`and a.provider_id = ${providerId}` : sql``}
        order by ${apartment !== undefined ? sql`score desc,` : sql``} p.building, p.apartment, a.id limit ${limit}`,
    ),
  )}`.execute(db);
  return rows.map((r) => ({ accountId: r.id, score: r.score, matchedBy: "address" as const }));
}

/** Each part in parentheses (its own order and limit), one after another. */
function unionAll(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql.join(
    parts.map((p) => sql`(${p})`),
    sql` union all `,
  );
}

/** The hits as the operator reads them, in rank order, each through the one scope rule once more. */
async function describe(
  deps: Deps,
  actor: Actor,
  providerId: number | null,
  ranked: Candidate[],
): Promise<AccountHit[]> {
  if (ranked.length === 0) return [];
  const { db } = deps.database;
  const ids = ranked.map((c) => c.accountId);
  let rows = db
    .selectFrom("accounts as a")
    .innerJoin("premises as p", "p.id", "a.premise_id")
    .innerJoin("settlements as s", "s.id", "p.settlement_id")
    .innerJoin("providers as pr", "pr.id", "a.provider_id")
    .select([
      "a.id",
      "a.number",
      "a.holder_name",
      "a.closed_on",
      "a.provider_id",
      "pr.code",
      "pr.name_uk as provider_uk",
      "pr.name_ru as provider_ru",
      "pr.name_en as provider_en",
      "p.settlement_id",
      "s.name_uk",
      "s.name_ru",
      "s.name_en",
      "p.street",
      "p.building",
      "p.apartment",
      // The services the provider gives at the dwelling's settlement (a reference table, read beside the row).
      sql<string[]>`array(select ps.service_code from provider_services ps
        where ps.provider_id = a.provider_id and ps.settlement_id = p.settlement_id order by ps.service_code)`.as(
        "services",
      ),
    ])
    .where("a.id", "in", ids)
    .where(accountInScope("a", actorValues(actor), { ids }));
  if (providerId !== null) rows = rows.where("a.provider_id", "=", providerId);
  const accounts = await rows.execute();
  const byId = new Map(accounts.map((a) => [Number(a.id), a]));
  return ranked.flatMap((c) => {
    const a = byId.get(c.accountId);
    if (!a) return [];
    return [
      {
        id: Number(a.id),
        number: a.number,
        holderName: a.holder_name,
        closedOn: a.closed_on,
        provider: {
          id: a.provider_id,
          code: a.code,
          name: { uk: a.provider_uk, ru: a.provider_ru, en: a.provider_en },
        },
        address: {
          settlement: { uk: a.name_uk, ru: a.name_ru, en: a.name_en },
          street: a.street,
          building: a.building,
          apartment: a.apartment,
        },
        services: a.services,
        matchedBy: c.matchedBy,
      },
    ];
  });
}
