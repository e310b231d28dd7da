import assert from "node:assert/strict";
import { test } from "node:test";
import { withinMessengerWindow } from "./messenger-window.ts";

const last = new Date("2026-11-20T10:00:00Z");

test("inside the 24 hours after the person's last message", () => {
  assert.equal(withinMessengerWindow(last, new Date("2026-11-20T10:00:00Z")), true);
  assert.equal(withinMessengerWindow(last, new Date("2026-11-21T09:59:59Z")), true);
});

test("closed from the 24th hour on", () => {
  assert.equal(withinMessengerWindow(last, new Date("2026-11-21T10:00:00Z")), false);
  assert.equal(withinMessengerWindow(last, new Date("2026-12-01T10:00:00Z")), false);
});

test("closed for a person who never wrote, and for a clock behind the message", () => {
  assert.equal(withinMessengerWindow(null, new Date("2026-11-20T10:00:00Z")), false);
  assert.equal(withinMessengerWindow(last, new Date("2026-11-20T09:00:00Z")), false);
});
