import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { kop } from "./money.ts";
import {
  buildNbuQrLink,
  buildNbuQrPayload,
  formatNbuAmount,
  NBU_QR_LINK,
  type NbuPayment,
  NbuQrError,
  nbuQrFields,
  parseNbuAmount,
  parseNbuQr,
  toNbuQrText,
} from "./nbu-qr.ts";

const PAYMENT: NbuPayment = {
  recipient: "ТОВ «Донецькі енергетичні послуги»",
  iban: "UA213223130000026007233566001",
  amountKop: kop(34_250),
  recipientCode: "00032129",
  purpose: "Оплата за послуги, о/р 10-000123/4, період 06.2019",
};

const fromLink = (link: string) => Buffer.from(link.slice(NBU_QR_LINK.length), "base64url");
const rejects = (fn: () => unknown, field: string) =>
  assert.throws(fn, (e: unknown) => e instanceof NbuQrError && e.field === field);

describe("format 002", () => {
  test("13 fields in the order of the annex, LF between them, reserved fields present and empty", () => {
    assert.deepEqual(nbuQrFields(PAYMENT), [
      "BCD", // 1 service mark
      "002", // 2 format version
      "2", // 3 encoding: Windows-1251, the smaller one for Cyrillic
      "UCT", // 4 function: credit transfer
      "", // 5 BIC, reserved
      PAYMENT.recipient, // 6
      PAYMENT.iban, // 7
      "UAH342.50", // 8
      "00032129", // 9 EDRPOU
      "", // 10 purpose code, reserved in 002
      "", // 11 reference, reserved in 002
      PAYMENT.purpose, // 12
      "", // 13 display
    ]);
  });

  test("travels as https://bank.gov.ua/qr/ + base64url without padding; Windows-1251 is one byte a letter", () => {
    const link = buildNbuQrLink(PAYMENT);
    assert.ok(link.startsWith("https://bank.gov.ua/qr/"));
    assert.match(link.slice(NBU_QR_LINK.length), /^[A-Za-z0-9_-]+$/);
    const bytes = fromLink(link);
    assert.equal(bytes.length, nbuQrFields(PAYMENT).join("\n").length);
    // Field 6 starts after "BCD\n002\n2\nUCT\n\n"; its «Т» is the one byte 0xD2 in Windows-1251.
    assert.equal(bytes.subarray(0, 15).toString("latin1"), "BCD\n002\n2\nUCT\n\n");
    assert.equal(bytes[15], 0xd2);
  });

  test("UTF-8 (encoding 1) on request, and both read back to the same fields", () => {
    const utf8 = buildNbuQrLink(PAYMENT, { encoding: 1 });
    assert.equal(fromLink(utf8).toString("utf8").split("\n")[2], "1");
    for (const link of [utf8, buildNbuQrLink(PAYMENT)]) {
      const back = parseNbuQr(link);
      assert.equal(back.serviceMark, "BCD");
      assert.equal(back.version, "002");
      assert.equal(back.function, "UCT");
      assert.equal(back.bic, "");
      assert.equal(back.recipient, PAYMENT.recipient);
      assert.equal(back.iban, PAYMENT.iban);
      assert.equal(back.amountText, "UAH342.50");
      assert.equal(back.amountKop, 34_250);
      assert.equal(back.recipientCode, "00032129");
      assert.equal(back.purposeCode, "");
      assert.equal(back.reference, "");
      assert.equal(back.purpose, PAYMENT.purpose);
      assert.equal(back.display, "");
    }
    assert.equal(parseNbuQr(utf8).encoding, 1);
    assert.equal(parseNbuQr(buildNbuQrLink(PAYMENT)).encoding, 2);
  });

  test("no amount: field 8 empty, the payer types it", () => {
    const back = parseNbuQr(buildNbuQrLink({ ...PAYMENT, amountKop: null }));
    assert.equal(back.amountText, "");
    assert.equal(back.amountKop, null);
  });
});

describe("amount (field 8)", () => {
  test('"UAH" and the sum: no fraction when it is zero, else exactly two decimals', () => {
    assert.equal(formatNbuAmount(kop(34_200)), "UAH342");
    assert.equal(formatNbuAmount(kop(34_250)), "UAH342.50");
    assert.equal(formatNbuAmount(kop(5)), "UAH0.05");
    assert.equal(formatNbuAmount(kop(99_999_999_999)), "UAH999999999.99"); // 15 bytes, the field's length
    assert.equal(parseNbuAmount("UAH342"), 34_200);
    assert.equal(parseNbuAmount("UAH342.50"), 34_250);
    assert.equal(parseNbuAmount(""), null);
  });
  test("one decimal, a comma, another currency, a sign, too many digits or a leading zero are refused", () => {
    for (const bad of ["UAH342.5", "UAH342,50", "EUR342.50", "UAH-1", "UAH1000000000", "UAH01", "342.50"]) {
      rejects(() => parseNbuAmount(bad), "amount");
    }
    rejects(() => formatNbuAmount(kop(-1)), "amount");
    rejects(() => formatNbuAmount(kop(100_000_000_000)), "amount");
  });
});

describe("field rules", () => {
  test("the IBAN must be Ukrainian with a valid checksum, in electronic form", () => {
    rejects(() => nbuQrFields({ ...PAYMENT, iban: "UA223223130000026007233566001" }), "iban");
    rejects(() => nbuQrFields({ ...PAYMENT, iban: "UA21 3223 1300 0002 6007 2335 6600 1" }), "iban");
    rejects(() => nbuQrFields({ ...PAYMENT, iban: "DE89370400440532013000" }), "iban");
  });
  test("the recipient code: an EDRPOU with its check digit, or a 10-digit tax number", () => {
    rejects(() => nbuQrFields({ ...PAYMENT, recipientCode: "00032128" }), "recipientCode");
    rejects(() => nbuQrFields({ ...PAYMENT, recipientCode: "1234567" }), "recipientCode");
    assert.equal(nbuQrFields({ ...PAYMENT, recipientCode: "1234567890" })[8], "1234567890");
  });
  test("recipient ≤ 70 and purpose ≤ 140 characters in 002 (140 and 420 in 003); both required", () => {
    assert.equal(nbuQrFields({ ...PAYMENT, recipient: "Я".repeat(70) })[5], "Я".repeat(70));
    rejects(() => nbuQrFields({ ...PAYMENT, recipient: "Я".repeat(71) }), "recipient");
    rejects(() => nbuQrFields({ ...PAYMENT, purpose: "п".repeat(141) }), "purpose");
    rejects(() => nbuQrFields({ ...PAYMENT, recipient: " " }), "recipient");
    rejects(() => nbuQrFields({ ...PAYMENT, purpose: "" }), "purpose");
    const v3 = { version: "003", categoryPurpose: "SUPP/SUPP" } as const;
    assert.equal(nbuQrFields({ ...PAYMENT, recipient: "Я".repeat(140) }, v3)[5]?.length, 140);
  });
  test("a line break, a no-break space or a character outside Windows-1251 is refused, not silently sent", () => {
    rejects(() => nbuQrFields({ ...PAYMENT, purpose: "Оплата\nза газ" }), "purpose");
    rejects(() => nbuQrFields({ ...PAYMENT, purpose: "1\u00A0234" }), "purpose");
    rejects(() => nbuQrFields({ ...PAYMENT, recipient: "Словʼянськ" }), "recipient");
    rejects(() => nbuQrFields({ ...PAYMENT, purpose: "€ 😀" }), "purpose");
    assert.equal(toNbuQrText("Словʼянськ,\u00A0вул.\tМира"), "Слов\u2019янськ, вул. Мира");
    assert.doesNotThrow(() => nbuQrFields({ ...PAYMENT, recipient: toNbuQrText("Словʼянськ") }));
  });
  test("the whole link stays within 507 bytes (475 of them encoded data)", () => {
    const long = { ...PAYMENT, purpose: "ї".repeat(140), recipient: "ї".repeat(70), display: "ї".repeat(70) };
    assert.ok(buildNbuQrLink(long).length <= 507);
    rejects(() => buildNbuQrLink(long, { encoding: 1 }), "size");
  });
});

describe("format 003", () => {
  test("17 fields: category/purpose in field 10, a reference in 11, fields 14–17 present and empty", () => {
    const fields = nbuQrFields(PAYMENT, {
      version: "003",
      categoryPurpose: "SUPP/SUPP",
      reference: "10-000123/4",
    });
    assert.equal(fields.length, 17);
    assert.deepEqual(fields.slice(0, 5), ["BCD", "003", "2", "UCT", ""]);
    assert.equal(fields[9], "SUPP/SUPP");
    assert.equal(fields[10], "10-000123/4");
    assert.deepEqual(fields.slice(13), ["", "", "", ""]);
    const back = parseNbuQr(buildNbuQrLink(PAYMENT, { version: "003", categoryPurpose: "SUPP/SUPP" }));
    assert.equal(back.version, "003");
    assert.equal(back.purposeCode, "SUPP/SUPP");
    rejects(() => nbuQrFields(PAYMENT, { version: "003" }), "categoryPurpose");
    rejects(() => nbuQrFields(PAYMENT, { reference: "x" }), "version");
  });
});

describe("parseNbuQr", () => {
  const link = (fields: string[], encoding: 1 | 2 = 1) =>
    NBU_QR_LINK + Buffer.from(fields.join("\n"), encoding === 1 ? "utf8" : "latin1").toString("base64url");
  const good = () => nbuQrFields(PAYMENT, { encoding: 1 });

  test("accepts the qr.bank.gov.ua address of resolution 97, CR LF line ends and format 001 plain text", () => {
    const encoded = Buffer.from(good().join("\r\n")).toString("base64url");
    assert.equal(parseNbuQr(`https://qr.bank.gov.ua/${encoded}`).iban, PAYMENT.iban);
    const v001 = good();
    v001[1] = "001";
    assert.equal(parseNbuQr(v001.join("\r\n")).version, "001");
  });
  test("refuses a wrong service mark, version, encoding, function, field count or reserved field", () => {
    const broken = (n: number, value: string) => {
      const f = good();
      f[n - 1] = value;
      return link(f);
    };
    rejects(() => parseNbuQr(broken(1, "BCE")), "serviceMark");
    rejects(() => parseNbuQr(broken(2, "004")), "version");
    rejects(() => parseNbuQr(broken(3, "3")), "encoding");
    rejects(() => parseNbuQr(broken(4, "ICT")), "function");
    rejects(() => parseNbuQr(broken(7, "UA213223130000026007233566002")), "iban");
    rejects(() => parseNbuQr(broken(8, "UAH1.5")), "amount");
    rejects(() => parseNbuQr(broken(9, "00032128")), "recipientCode");
    rejects(() => parseNbuQr(broken(12, "")), "purpose");
    rejects(() => parseNbuQr(link(good().slice(0, 12))), "structure");
    rejects(() => parseNbuQr(link([...good(), "extra"])), "structure");
    rejects(() => parseNbuQr("https://example.org/qr/QkNE"), "link");
  });
  test("the bytes of encoding 2 are read as Windows-1251", () => {
    const bytes = buildNbuQrPayload(PAYMENT, { encoding: 2 });
    assert.equal(
      parseNbuQr(NBU_QR_LINK + Buffer.from(bytes).toString("base64url")).recipient,
      PAYMENT.recipient,
    );
    // The same bytes declared UTF-8 are not valid UTF-8.
    const lying = Buffer.from(bytes);
    lying[9] = "1".charCodeAt(0);
    rejects(() => parseNbuQr(NBU_QR_LINK + lying.toString("base64url")), "encoding");
  });
});
