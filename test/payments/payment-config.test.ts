// The payment settings of the configuration: LiqPay's keys both or neither and with a public address, the demo
// gateway's switch, and a message naming the bad variable.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "../../src/config.ts";

const refused = (env: Record<string, string>, variable: string) =>
  assert.throws(
    () => loadConfig(env),
    (e: unknown) => e instanceof ConfigError && e.variable === variable,
    JSON.stringify(env),
  );

test("by default: no LiqPay, the demo gateway follows the demo region, no public address", () => {
  const c = loadConfig({});
  assert.equal(c.liqpay, undefined);
  assert.equal(c.demoGateway, "auto");
  assert.equal(c.publicUrl, undefined);
});

test("LiqPay's keys, sandbox mode and the public address (trailing slash dropped)", () => {
  const c = loadConfig({
    LIQPAY_PUBLIC_KEY: "i00000000",
    LIQPAY_PRIVATE_KEY: "a4825234f4bae72a0be04eafe9e8e2bada209255",
    LIQPAY_SANDBOX: "on",
    PUBLIC_URL: "https://abonent.example.ua/",
    DEMO_GATEWAY: "off",
  });
  assert.deepEqual(c.liqpay, {
    publicKey: "i00000000",
    privateKey: "a4825234f4bae72a0be04eafe9e8e2bada209255",
    sandbox: true,
  });
  assert.equal(c.publicUrl, "https://abonent.example.ua");
  assert.equal(c.demoGateway, "off");
  assert.equal(
    loadConfig({ PUBLIC_URL: "http://localhost:3000/abonent" }).publicUrl,
    "http://localhost:3000/abonent",
  );
});

test("bad payment settings stop the start with the variable's name", () => {
  refused({ LIQPAY_PUBLIC_KEY: "i00000000", PUBLIC_URL: "https://a.ua" }, "LIQPAY_PRIVATE_KEY");
  refused({ LIQPAY_PRIVATE_KEY: "secret-key", PUBLIC_URL: "https://a.ua" }, "LIQPAY_PUBLIC_KEY");
  refused({ LIQPAY_PUBLIC_KEY: "i00000000", LIQPAY_PRIVATE_KEY: "secret-key" }, "PUBLIC_URL");
  refused(
    { LIQPAY_PUBLIC_KEY: "i0 0", LIQPAY_PRIVATE_KEY: "secret-key", PUBLIC_URL: "https://a.ua" },
    "LIQPAY_PUBLIC_KEY",
  );
  refused({ LIQPAY_SANDBOX: "yes" }, "LIQPAY_SANDBOX");
  refused({ DEMO_GATEWAY: "maybe" }, "DEMO_GATEWAY");
  refused({ PUBLIC_URL: "abonent.example.ua" }, "PUBLIC_URL");
  refused({ PUBLIC_URL: "https://abonent.example.ua/?x=1" }, "PUBLIC_URL");
});
