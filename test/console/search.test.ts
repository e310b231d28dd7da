// Finding an account over HTTP, on both engines: by its number typed any way (separators, Cyrillic look-alikes,
// leading zeros), by a resident's phone, by the holder's name (a slip allowed), by the address; the exact number
// ranked first; staff of another provider never finding this provider's accounts; the console's page with its
// results, its "nothing found" and its refusals of a blank or too long search.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sessionCookieName } from "../../src/channels/web/web-session.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import type { AccountHit } from "../../src/services/account-search/search-accounts.ts";
import { type CabinetClient, textOf } from "../support/cabinet-client.ts";
import { addStaff, seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp } from "../support/http.ts";

interface Target {
  id: number;
  number: string;
  holder_name: string;
  street: string;
  building: string;
  apartment: string | null;
  settlement: string;
  phone: string;
}

forEachDatabase("console: finding an account", (get) => {
  let app: FastifyInstance;
  let operator: CabinetClient;
  let outsider: CabinetClient;
  let platform: CabinetClient;
  let target: Target;

  /** The API's answer to a search, as the client's signed-in staff member. */
  const search = async (client: CabinetClient, query: string, extra = "") => {
    const token = client.cookie(sessionCookieName(false));
    assert.ok(token, "the client is signed in");
    return call(app, "GET", `/api/accounts/search?query=${encodeURIComponent(query)}${extra}`, { token });
  };
  const hits = async (client: CabinetClient, query: string): Promise<AccountHit[]> => {
    const res = await search(client, query);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body as AccountHit[];
  };

  before(async () => {
    const { database, deps } = get();
    await seedConsoleRegion(database, deps);
    app = await quietApp(deps);
    const { db } = database;
    // A DEU account with an apartment and a resident with a phone: every way of finding it applies.
    target = await db
      .selectFrom("accounts as a")
      .innerJoin("providers as pr", "pr.id", "a.provider_id")
      .innerJoin("premises as p", "p.id", "a.premise_id")
      .innerJoin("settlements as s", "s.id", "p.settlement_id")
      .innerJoin("user_accounts as ua", "ua.account_id", "a.id")
      .innerJoin("users as u", "u.id", "ua.user_id")
      .select([
        "a.id",
        "a.number",
        "a.holder_name",
        "p.street",
        "p.building",
        "p.apartment",
        "s.name_uk as settlement",
        "u.phone",
      ])
      .where("pr.code", "=", DEMO_PEOPLE.operator.provider)
      .where("p.apartment", "is not", null)
      .where("u.phone", "is not", null)
      .where("a.number", "like", "%-0%")
      .orderBy("a.id")
      .executeTakeFirstOrThrow()
      .then((r) => ({ ...r, id: Number(r.id), phone: r.phone! }));
    operator = await signedInStaff(app, "operator");
    platform = await signedInStaff(app, "platformAdmin");
    const email = await addStaff(database, {
      providerCode: "mariupol-vkg",
      role: "administrator",
      email: "admin@vkg.test",
    });
    outsider = await signedInStaff(app, { email });
  });
  after(async () => {
    await app?.close();
  });

  test("by the number as printed, with spaces, without separators or without its leading zeros", async () => {
    const spellings = [
      target.number,
      target.number.replace(/[-/]/g, " "),
      target.number.replace(/[^0-9]/g, ""),
      target.number.replace(/(^|[^0-9])0+(?=[0-9])/g, "$1"),
    ];
    assert.notEqual(spellings[3], target.number, "the number has a zero to drop");
    for (const q of spellings) {
      const found = await hits(operator, q);
      assert.equal(found[0]?.id, target.id, q);
      assert.equal(found[0]?.matchedBy, "number");
      assert.equal(found[0]?.holderName, target.holder_name);
    }
  });

  test("by a number with Cyrillic look-alike letters, lower case, as a platform administrator over every provider", async () => {
    const lettered = await get()
      .database.db.selectFrom("accounts")
      .select(["id", "number"])
      .where("number", "~", "^[A-ZА-Я]")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const swapped = lettered.number.replace(/K/g, "К").replace(/В/g, "B").replace(/[-./]/g, "").toLowerCase();
    const found = await hits(platform, swapped);
    assert.equal(found[0]?.id, Number(lettered.id), swapped);
    // Staff of DEU do not find another provider's account, however it is typed.
    assert.ok(!(await hits(operator, lettered.number)).some((h) => h.id === Number(lettered.id)));
  });

  test("the exact number comes before a number that only agrees without its zeros", async () => {
    const { db } = get().database;
    const premise = await db
      .selectFrom("accounts")
      .select(["premise_id", "provider_id"])
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    const ids: Record<string, number> = {};
    for (const number of ["7-451", "7-0451"]) {
      const row = await db
        .insertInto("accounts")
        .values({
          provider_id: premise.provider_id,
          number,
          number_normalized: number.replace("-", ""),
          premise_id: premise.premise_id,
          holder_name: "Тестовий Власник",
          opened_on: "2020-01-01",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("account_numbers")
        .values({
          number_normalized: number.replace("-", ""),
          provider_id: premise.provider_id,
          account_id: row.id,
        })
        .execute();
      ids[number] = Number(row.id);
    }
    assert.deepEqual(
      (await hits(operator, "7-0451")).map((h) => h.id),
      [ids["7-0451"], ids["7-451"]],
    );
    assert.deepEqual(
      (await hits(operator, "7451")).map((h) => h.id),
      [ids["7-451"], ids["7-0451"]],
    );
    // The holder's name of the new accounts was added to what the name search looks among (migration 0023).
    assert.ok((await hits(operator, "Тестовий Власник")).some((h) => h.id === ids["7-451"]));
  });

  test("by a resident's phone, as a caller reads it out", async () => {
    const national = `0${target.phone.slice(4)}`;
    const spoken = `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6, 8)}-${national.slice(8)}`;
    const found = await hits(operator, spoken);
    const hit = found.find((h) => h.id === target.id);
    assert.ok(hit, spoken);
    assert.equal(hit.matchedBy, "phone");
  });

  test("by the holder's name, and by the surname with a slip", async () => {
    const exact = await hits(operator, target.holder_name);
    assert.equal(exact[0]?.holderName, target.holder_name);
    assert.ok(exact.every((h) => h.provider.code === DEMO_PEOPLE.operator.provider));
    const surname = target.holder_name.split(" ")[0]!;
    const letters = [...surname];
    const slip = [...letters.slice(0, 3), ...letters.slice(4)].join("");
    const found = await hits(operator, slip);
    assert.ok(found.length > 0, slip);
    assert.equal(found[0]?.holderName.split(" ")[0], surname, slip);
    assert.equal(found[0]?.matchedBy, "name");
  });

  test("by the address: settlement, street, building and apartment", async () => {
    const bare = target.street.replace(/^\p{L}+\.\s*/u, "");
    const full = `${target.settlement}, ${bare} ${target.building}, кв. ${target.apartment}`;
    const found = await hits(operator, full);
    assert.equal(found[0]?.id, target.id, full);
    assert.equal(found[0]?.matchedBy, "address");
    assert.equal(found[0]?.address.apartment, target.apartment);
    const building = await hits(operator, `${target.street} ${target.building}`);
    assert.ok(building.some((h) => h.id === target.id));
    assert.ok(
      building.every((h) => h.address.street === target.street && h.address.building === target.building),
    );
  });

  test("staff of another provider never find this provider's accounts", async () => {
    for (const q of [target.number, target.holder_name, `0${target.phone.slice(4)}`]) {
      const found = await hits(outsider, q);
      assert.ok(!found.some((h) => h.id === target.id), q);
      assert.ok(
        found.every((h) => h.provider.code === "mariupol-vkg"),
        q,
      );
    }
    // Naming the provider is "not found", as for anything not theirs; the platform administrator may.
    const named = await search(outsider, target.number, `&provider=${DEMO_PEOPLE.operator.provider}`);
    assert.equal(named.status, 404);
    assert.equal(named.body.error.code, "not_found");
    const own = await search(platform, target.number, `&provider=${DEMO_PEOPLE.operator.provider}`);
    assert.equal((own.body as AccountHit[])[0]?.id, target.id);
    // The console page answers the same.
    const page = await outsider.get(`/console?q=${encodeURIComponent(target.number)}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, new RegExp(`/console/accounts/${target.id}"`));
  });

  test("a blank, too long or resident's search is refused with a clear answer", async () => {
    assert.equal((await search(operator, "")).status, 400);
    const blank = await search(operator, "   ");
    assert.equal(blank.status, 422);
    assert.equal(blank.body.error.code, "search_query_empty");
    const long = await search(operator, "я".repeat(101));
    assert.equal(long.status, 400);
    assert.equal(long.body.error.code, "validation_failed");
    const resident = await call(app, "POST", "/api/session", {
      body: { login: DEMO_PEOPLE.resident.email, password: DEMO_PASSWORD },
    });
    const asResident = await call(
      app,
      "GET",
      `/api/accounts/search?query=${encodeURIComponent(target.number)}`,
      {
        token: resident.body.token,
      },
    );
    assert.equal(asResident.status, 404);
  });

  test("the page shows the hits as a table linking each account, the search echoed", async () => {
    const page = await operator.get(`/console?q=${encodeURIComponent(target.holder_name)}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<form method="get" action="\/console" role="search"/);
    assert.match(page.body, new RegExp(`<input id="q" name="q" type="text" value="${target.holder_name}"`));
    assert.match(page.body, /<caption>Рахунки, знайдені за запитом «/);
    assert.match(page.body, /<th scope="col">Власник<\/th>/);
    assert.match(page.body, /<a href="\/console\/accounts\/\d+">/);
    const text = textOf(page.body);
    assert.match(text, new RegExp(`Знайдено за запитом «${target.holder_name}»`));
    assert.ok(text.includes(target.holder_name));

    const byNumber = await operator.get(`/console?q=${encodeURIComponent(target.number)}&lang=en`);
    assert.match(byNumber.body, new RegExp(`<a href="/console/accounts/${target.id}">${target.number}</a>`));
  });

  test("the page says plainly when nothing is found, and refuses a blank or too long search beside the field", async () => {
    const nothing = await operator.get("/console?q=Щзщзщз");
    assert.equal(nothing.status, 200);
    assert.match(textOf(nothing.body), /За запитом «Щзщзщз» нічого не знайдено/);
    assert.doesNotMatch(nothing.body, /<table/);

    const blank = await operator.get("/console?q=+++");
    assert.equal(blank.status, 422);
    assert.match(blank.body, /class="error-summary"/);
    assert.match(blank.body, /<a href="#q">Введіть номер рахунку, телефон, прізвище або адресу\.<\/a>/);
    assert.match(blank.body, /aria-invalid="true"/);

    const long = await operator.get(`/console?q=${"x".repeat(101)}`);
    assert.equal(long.status, 422);
    assert.match(textOf(long.body), /Запит задовгий: не більше 100 символів/);

    const first = await operator.get("/console");
    assert.equal(first.status, 200);
    assert.doesNotMatch(first.body, /error-summary|search-results/);
  });
});
