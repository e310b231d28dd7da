// The progress bar as a log file or a pipe receives it (not a terminal): a line at the start, a line when the
// count has moved, and the last count once — never 100 % twice, no blank lines.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { progressBar } from "../../src/cli/progress-bar.ts";

function capture() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (d) => (text += d));
  return { stream, lines: () => text.split("\n").slice(0, -1) };
}

test("piped, the bar prints the finished count once however long the work after it takes", async () => {
  const out = capture();
  const bar = progressBar("seeding", "accounts", { stream: out.stream, intervalMs: 40 });
  bar.start(300, 0);
  await sleep(60);
  bar.update(150);
  bar.update(200); // too soon after the last line
  await sleep(60);
  bar.update(300);
  // Work left after the last account (indexes, statistics) outlasts the interval.
  await sleep(150);
  bar.stop();
  bar.stop();
  const lines = out.lines().map((l) => l.replace(/ \| \d+s$/, ""));
  assert.deepEqual(lines, [
    `seeding [${"-".repeat(40)}] 0% | 0/300 accounts`,
    `seeding [${"=".repeat(20)}${"-".repeat(20)}] 50% | 150/300 accounts`,
    `seeding [${"=".repeat(40)}] 100% | 300/300 accounts`,
  ]);
});

test("piped, a total learnt later is shown from then on", async () => {
  const out = capture();
  const bar = progressBar("billing the history", "provider-months", { stream: out.stream, intervalMs: 1000 });
  bar.start(88, 0);
  bar.update(44, 88);
  bar.update(88, 88);
  bar.stop();
  assert.deepEqual(
    out.lines().map((l) => l.replace(/ \| \d+s$/, "")),
    [
      `billing the history [${"-".repeat(40)}] 0% | 0/88 provider-months`,
      `billing the history [${"=".repeat(40)}] 100% | 88/88 provider-months`,
    ],
  );
});
