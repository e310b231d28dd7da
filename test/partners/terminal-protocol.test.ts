// The payment terminals' check/pay protocol over HTTP, signed as every partner request: check and pay answer the
// protocol's XML with its result codes, a repeated pay answers the same receipt, and whatever is refused (a
// malformed request, an unknown command, a partner without the protocol) writes nothing.
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { BOT_NOW, type BotRegion, seedBotRegion } from "../support/bot-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";
import {
  registerTestPartner,
  type SignedCall,
  signedCall,
  type TestPartner,
} from "../support/partner-client.ts";

const NOW_S = Math.floor(Date.parse(BOT_NOW) / 1000);
const TERMINAL = "/api/partners/v1/terminal";
/** Five minutes before BOT_NOW, Kyiv time. */
const TXN_DATE = "20261128095500";

const xmlParser = new XMLParser({ parseTagValue: false });

interface Answer {
  osmp_txn_id: string;
  prv_txn?: string;
  sum?: string;
  result: string;
  comment: string;
  fio?: string;
  balance?: string;
}

/** The protocol's answer: HTTP 200, XML, one response element. */
function answerOf(res: LightMyRequestResponse): Answer {
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers["content-type"], "application/xml; charset=utf-8");
  assert.match(res.body, /^<\?xml version="1\.0" encoding="UTF-8"\?><response>/);
  return xmlParser.parse(res.body).response as Answer;
}

forEachDatabase("the terminals' check/pay protocol", (db) => {
  let app: FastifyInstance;
  let region: BotRegion;
  let network: TestPartner;
  let closed: TestPartner;
  let otherProvider: { code: string; account: string };
  /** Every request is signed with its own timestamp: a signature is good once. */
  let tick = 0;

  before(async () => {
    region = await seedBotRegion(db());
    const { deps } = db();
    app = await quietApp(deps);
    network = await registerTestPartner(deps, {
      code: "test-terminals",
      name: "Тест-Термінали",
      providers: ["deu"],
      terminalProtocol: true,
      minPaymentKop: 100,
      maxPaymentKop: 1_000_000,
    });
    closed = await registerTestPartner(deps, {
      code: "closed-terminals",
      name: "Без протоколу",
      providers: ["deu"],
      terminalProtocol: false,
    });
    const other = await db()
      .database.db.selectFrom("accounts as a")
      .innerJoin("providers as p", "p.id", "a.provider_id")
      .select(["p.code", "a.number"])
      .where("p.code", "!=", "deu")
      .orderBy("a.id")
      .executeTakeFirstOrThrow();
    otherProvider = { code: other.code, account: other.number };
  });
  after(() => app?.close());

  const call = (c: SignedCall, partner = network) =>
    signedCall(app, partner, { timestamp: NOW_S + tick++, ...c });
  const get = (provider: string, fields: Record<string, string>, partner = network, language = "uk") =>
    call(
      {
        method: "GET",
        path: `${TERMINAL}/${provider}?${new URLSearchParams(fields)}`,
        headers: { "accept-language": language },
      },
      partner,
    );
  const postXml = (provider: string, xml: string, partner = network) =>
    call(
      { method: "POST", path: `${TERMINAL}/${provider}`, rawBody: xml, contentType: "application/xml" },
      partner,
    );
  const check = (fields: Record<string, string>) =>
    get("deu", { command: "check", txn_id: "C-1", account: region.account.number, sum: "250.00", ...fields });
  const pay = (txnId: string, sum = "250.00") => ({
    command: "pay",
    txn_id: txnId,
    txn_date: TXN_DATE,
    account: region.account.number,
    sum,
  });
  /** What partner payments have written: the ledger's bank-registry entries and the partners' payment rows. */
  const written = async () => {
    const { rows } = await sql<{ ledger: number; payments: number }>`
      select (select count(*)::int4 from ledger_entries where source = 'bank_registry') as ledger,
             (select count(*)::int4 from partner_payments) as payments`.execute(db().database.db);
    return rows[0]!;
  };

  it("check: an account of a granted provider, within the limits, is 0 with the masked payer and what is due", async () => {
    const typed = region.account.number.replace(/-/g, " ");
    const answer = answerOf(await check({ account: typed, txn_id: "C-100" }));
    assert.equal(answer.result, "0", answer.comment);
    assert.equal(answer.osmp_txn_id, "C-100");
    assert.equal(answer.sum, "250.00");
    assert.equal(answer.prv_txn, undefined);
    assert.match(answer.fio ?? "", /^\S\*+\S( \S\.)*$/u);
    const lookup = await call({
      method: "GET",
      path: `/api/partners/v1/accounts/lookup?provider=deu&account=${encodeURIComponent(region.account.number)}`,
    });
    assert.equal(lookup.statusCode, 200, lookup.body);
    assert.equal(answer.balance, lookup.json().totalDue.uah);
    assert.equal(answer.fio, lookup.json().payer.name);
  });

  it("check: not an account number is 4, an unknown one 5, another provider's 5 (in the request's language)", async () => {
    const format = answerOf(await check({ account: "Шевченко" }));
    assert.equal(format.result, "4");
    assert.match(format.comment, /Шевченко.*особового рахунку/);
    const unknown = answerOf(await check({ account: "99999-99999" }));
    assert.equal(unknown.result, "5");
    assert.equal(unknown.comment, "Не знайдено.");
    const notGranted = answerOf(
      await get(
        otherProvider.code,
        { command: "check", txn_id: "C-2", account: otherProvider.account, sum: "10.00" },
        network,
        "en",
      ),
    );
    assert.equal(notGranted.result, "5");
    assert.equal(notGranted.comment, "Not found.");
    // The provider's own account, named at a provider it is not: the same 5.
    const elsewhere = answerOf(
      await get(otherProvider.code, {
        command: "check",
        txn_id: "C-3",
        account: region.account.number,
        sum: "10.00",
      }),
    );
    assert.equal(elsewhere.result, "5");
  });

  it("check: a sum below the partner's minimum is 241, above its maximum 242", async () => {
    const small = answerOf(await check({ sum: "0.50" }));
    assert.equal(small.result, "241");
    assert.match(small.comment, /1\.00 грн/);
    const large = answerOf(await check({ sum: "10000.01" }));
    assert.equal(large.result, "242");
    assert.match(large.comment, /10000\.00 грн/);
    assert.equal(answerOf(await check({ sum: "10000.00" })).result, "0");
  });

  it("pay: 0 with the receipt; the same pay again answers the same receipt and posts nothing more", async () => {
    const before = await written();
    const first = answerOf(await get("deu", pay("900001")));
    assert.equal(first.result, "0", first.comment);
    assert.equal(first.osmp_txn_id, "900001");
    assert.equal(first.sum, "250.00");
    assert.match(first.prv_txn ?? "", /^PB[0-9A-F]{12}$/);
    const again = answerOf(await get("deu", pay("900001")));
    assert.equal(again.result, "0", again.comment);
    assert.equal(again.prv_txn, first.prv_txn);
    const after = await written();
    assert.equal(after.ledger - before.ledger, 1);
    assert.equal(after.payments - before.payments, 1);
    const { rows } = await sql<{ channel: string; amount_kop: number; paid_at: Date; source_ref: string }>`
      select p.channel, p.amount_kop::int8 as amount_kop, p.paid_at, e.source_ref
      from partner_payments p
      join ledger_entries e on e.source = 'bank_registry' and e.details->>'receipt' = p.receipt
      where p.receipt = ${first.prv_txn}`.execute(db().database.db);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.channel, "terminal");
    assert.equal(Number(rows[0]!.amount_kop), 25_000);
    assert.equal(new Date(rows[0]!.paid_at).toISOString(), "2026-11-28T07:55:00.000Z");
    assert.equal(rows[0]!.source_ref, `${network.registrySource}:900001`);
    // The same transaction with another sum is refused (7), and the first receipt is not given away.
    const changed = answerOf(await get("deu", pay("900001", "251.00")));
    assert.equal(changed.result, "7");
    assert.equal(changed.prv_txn, undefined);
    assert.deepEqual(await written(), after);
  });

  it("pay as an XML body: the same answer as by query", async () => {
    const f = pay("900002", "12.30");
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><request><command>pay</command><txn_id>${f.txn_id}</txn_id>` +
      `<txn_date>${f.txn_date}</txn_date><account>${f.account}</account><sum>${f.sum}</sum></request>`;
    const answer = answerOf(await postXml("deu", xml));
    assert.equal(answer.result, "0", answer.comment);
    assert.equal(answer.sum, "12.30");
    assert.match(answer.prv_txn ?? "", /^PB/);
    const status = await call({ method: "GET", path: "/api/partners/v1/payments/900002" });
    assert.equal(status.json().receipt, answer.prv_txn);
  });

  it("malformed XML, a malformed field and an unknown command are 300, writing nothing", async () => {
    const before = await written();
    const broken = answerOf(await postXml("deu", "<request><command>pay</command><txn_id>900003</txn_id>"));
    assert.equal(broken.result, "300");
    assert.match(broken.comment, /не вдалося прочитати/);
    const entity = answerOf(
      await postXml("deu", '<!DOCTYPE r [<!ENTITY x "pay">]><request><command>&x;</command></request>'),
    );
    assert.equal(entity.result, "300");
    const json = answerOf(
      await call({ method: "POST", path: `${TERMINAL}/deu`, body: { command: "pay", txn_id: "900004" } }),
    );
    assert.equal(json.result, "300");
    const badDate = answerOf(await get("deu", { ...pay("900005"), txn_date: "2026-11-28 09:55" }));
    assert.equal(badDate.result, "300");
    assert.match(badDate.comment, /txn_date/);
    const unknown = answerOf(await get("deu", { ...pay("900006"), command: "cancel" }));
    assert.equal(unknown.result, "300");
    assert.match(unknown.comment, /cancel/);
    // Whatever the request carried comes back escaped.
    const hostile = await get("deu", {
      ...pay("900007"),
      command: "<b>",
      txn_id: "</osmp_txn_id><result>0</result>",
    });
    const parsed = answerOf(hostile);
    assert.equal(parsed.result, "300");
    assert.equal(parsed.osmp_txn_id, "</osmp_txn_id><result>0</result>");
    assert.match(
      hostile.body,
      /<osmp_txn_id>&lt;\/osmp_txn_id&gt;&lt;result&gt;0&lt;\/result&gt;<\/osmp_txn_id>/,
    );
    assert.deepEqual(await written(), before);
  });

  it("a partner without the protocol is refused with 7 and a clear comment, writing nothing", async () => {
    const before = await written();
    const refused = answerOf(await get("deu", pay("900010"), closed));
    assert.equal(refused.result, "7");
    assert.match(refused.comment, /Протокол платіжних терміналів .* не ввімкнено/);
    const checked = answerOf(
      await get("deu", { command: "check", txn_id: "1", account: "x", sum: "1" }, closed, "en"),
    );
    assert.equal(checked.result, "7");
    assert.match(checked.comment, /not enabled for this partner/);
    assert.deepEqual(await written(), before);
  });

  it("a request whose signature fails keeps the JSON 401", async () => {
    const forged = await call({
      method: "GET",
      path: `${TERMINAL}/deu?${new URLSearchParams(pay("900020"))}`,
      secret: "x".repeat(43),
    });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, "partner_signature_invalid");
  });
});
