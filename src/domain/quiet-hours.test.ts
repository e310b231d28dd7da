import assert from "node:assert/strict";
import { test } from "node:test";
import { notBefore } from "./quiet-hours.ts";

const at = (iso: string) => new Date(iso);

test("in the day a notification leaves at once", () => {
  assert.equal(notBefore(at("2026-07-15T08:00:00+03:00")), null);
  assert.equal(notBefore(at("2026-07-15T14:30:00+03:00")), null);
  assert.equal(notBefore(at("2026-07-15T20:59:59+03:00")), null);
});

test("from 21:00 it waits until 08:00 the next morning", () => {
  assert.deepEqual(notBefore(at("2026-07-15T21:00:00+03:00")), at("2026-07-16T08:00:00+03:00"));
  assert.deepEqual(notBefore(at("2026-07-15T23:59:00+03:00")), at("2026-07-16T08:00:00+03:00"));
});

test("after midnight it waits until 08:00 the same morning", () => {
  assert.deepEqual(notBefore(at("2026-07-16T00:00:00+03:00")), at("2026-07-16T08:00:00+03:00"));
  assert.deepEqual(notBefore(at("2026-07-16T07:59:59+03:00")), at("2026-07-16T08:00:00+03:00"));
});

test("Kyiv time, not UTC: 19:30 UTC in summer is 22:30 in Kyiv", () => {
  assert.deepEqual(notBefore(at("2026-07-15T19:30:00Z")), at("2026-07-16T05:00:00Z"));
  // In winter 19:30 UTC is 21:30 Kyiv (UTC+2): quiet too, until 06:00 UTC.
  assert.deepEqual(notBefore(at("2026-01-15T19:30:00Z")), at("2026-01-16T06:00:00Z"));
  // 18:30 UTC in winter is 20:30 Kyiv: still day.
  assert.equal(notBefore(at("2026-01-15T18:30:00Z")), null);
});

test("the night the clocks go forward (29 March 2026) ends at 08:00 summer time", () => {
  // 22:00 on 28 March is UTC+2; 08:00 on 29 March is already UTC+3 (05:00 UTC), a night one hour shorter.
  assert.deepEqual(notBefore(at("2026-03-28T22:00:00+02:00")), at("2026-03-29T05:00:00Z"));
  // 03:30 Kyiv does not exist that night; 01:30 UTC is 04:30 summer time, still quiet.
  assert.deepEqual(notBefore(at("2026-03-29T01:30:00Z")), at("2026-03-29T05:00:00Z"));
});

test("the night the clocks go back (25 October 2026) ends at 08:00 winter time", () => {
  // 22:00 on 24 October is UTC+3; 08:00 on 25 October is UTC+2 (06:00 UTC), a night one hour longer.
  assert.deepEqual(notBefore(at("2026-10-24T22:00:00+03:00")), at("2026-10-25T06:00:00Z"));
  // 03:30 Kyiv happens twice that night; both wait for the same morning.
  assert.deepEqual(notBefore(at("2026-10-25T00:30:00Z")), at("2026-10-25T06:00:00Z"));
  assert.deepEqual(notBefore(at("2026-10-25T01:30:00Z")), at("2026-10-25T06:00:00Z"));
});
