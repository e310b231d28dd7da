// bench:readings' steady load against a real HTTP server that answers after a fixed delay: requests leave at the
// rate asked whatever the answers, and a server that falls behind shows it in the latency (counted from when each
// request was due), not in fewer requests sent.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { steadyLoad } from "../../bench/steady-load.ts";

async function slowServer(
  delayMs: number,
  status = 201,
): Promise<{ server: Server; port: number; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      bodies.push(body);
      setTimeout(() => res.writeHead(status, { "content-type": "application/json" }).end("{}"), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, bodies };
}

test("a server with room to spare answers in its own time, every request sent once", async () => {
  const { server, port, bodies } = await slowServer(20);
  let i = 0;
  const f = await steadyLoad({
    port,
    rate: 100,
    seconds: 1,
    connections: 10,
    build: () => ({ path: "/x", headers: {}, body: JSON.stringify({ n: i++ }) }),
  });
  server.close();
  assert.equal(bodies.length, 100);
  assert.deepEqual(
    bodies.map((b) => JSON.parse(b).n).sort((a, b) => a - b),
    Array.from({ length: 100 }, (_, k) => k),
  );
  // Counted over the time until the last answer, a little over the second they were sent in.
  assert.ok(f.perSecond >= 90 && f.perSecond <= 100, `${f.perSecond}/s`);
  assert.ok(f.p50 >= 20 && f.p50 < 250, `p50 ${f.p50}`);
  assert.equal(f.non2xx + f.errors, 0);
});

test("a server that falls behind: the wait for a free connection counts in the latency", async () => {
  // One connection and 40 ms an answer serve 25 a second; 50 a second for a second leaves the last requests waiting
  // about a second for their turn.
  const { server, port } = await slowServer(40);
  const f = await steadyLoad({
    port,
    rate: 50,
    seconds: 1,
    connections: 1,
    build: () => ({ path: "/x", headers: {}, body: "{}" }),
  });
  server.close();
  assert.ok(f.max >= 800, `max ${f.max}`);
  assert.ok(f.p99 >= 800, `p99 ${f.p99}`);
  // 50 answers over the two seconds they took, not over the one second they were sent in.
  assert.ok(f.perSecond <= 30, `${f.perSecond}/s`);
});

test("answers other than 2xx are counted apart, not as latencies", async () => {
  const { server, port } = await slowServer(1, 500);
  const f = await steadyLoad({
    port,
    rate: 20,
    seconds: 0.5,
    connections: 2,
    build: () => ({ path: "/x", headers: {}, body: "{}" }),
  });
  server.close();
  assert.equal(f.non2xx, 10);
  assert.equal(f.perSecond, 0);
  assert.ok(Number.isNaN(f.p99));
});
