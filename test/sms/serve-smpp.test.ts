// `abonent serve` with SMPP_URL, as a real process: it binds to the SMS centre (the simulator), answers a text
// over the link, and one-time codes in the outbox leave by SMS over it; SIGTERM unbinds and stops it cleanly.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { startServe } from "../support/serve-process.ts";
import { SmscSimulator } from "../support/smsc-simulator.ts";

const scratch = mkdtempSync(join(tmpdir(), "abonent-sms-serve-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("serve binds to the SMS centre, answers texts and sends codes by SMS", async () => {
  const smsc = await SmscSimulator.start();
  const bound = smsc.nextBind(240_000);
  const server = await startServe({
    DATA_DIR: join(scratch, "data"),
    DEMO: "off",
    SMPP_URL: smsc.url(),
    SMS_SHORT_NUMBER: "7373",
  });
  try {
    await server.waitForHealth();
    await bound;
    const reply = smsc.nextText("+380501234567");
    await smsc.deliver({ from: "+380501234567", to: "7373", text: "ВК0000001 123" });
    const got = await reply;
    assert.match(got.text, /^Номер \(050\) 123 45 67 не підтверджено в кабінеті Абонент\./);
    assert.equal(got.from, "7373");

    // A sign-up by phone: its code leaves through the outbox by SMPP.
    const code = smsc.nextText("+380671110000", 60_000);
    const res = await fetch(`${server.base}/api/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        login: "067 111 00 00",
        password: "a long sms password 2019",
        fullName: "Тест",
      }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.match((await code).text, /\b\d{6}\b/);
  } finally {
    server.child.kill("SIGTERM");
  }
  assert.equal(await server.exited, 0, server.output());
  await smsc.close();
});
