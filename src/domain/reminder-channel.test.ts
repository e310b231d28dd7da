import assert from "node:assert/strict";
import { test } from "node:test";
import { effectiveReminderChannel, reminderChoices } from "./reminder-channel.ts";

test("the choices are the confirmed kinds of address, and none", () => {
  assert.deepEqual(reminderChoices({ email: true, phone: true }), ["email", "sms", "none"]);
  assert.deepEqual(reminderChoices({ email: false, phone: true }), ["sms", "none"]);
  assert.deepEqual(reminderChoices({ email: false, phone: false }), ["none"]);
});

test("a choice holds while its address is confirmed; none always holds", () => {
  assert.equal(effectiveReminderChannel("sms", { email: true, phone: true }), "sms");
  assert.equal(effectiveReminderChannel("none", { email: true, phone: true }), "none");
  assert.equal(effectiveReminderChannel("none", { email: false, phone: false }), "none");
});

test("without a choice, or with one whose address is gone, e-mail comes first, then SMS", () => {
  assert.equal(effectiveReminderChannel(null, { email: true, phone: true }), "email");
  assert.equal(effectiveReminderChannel(null, { email: false, phone: true }), "sms");
  assert.equal(effectiveReminderChannel("email", { email: false, phone: true }), "sms");
  assert.equal(effectiveReminderChannel("sms", { email: true, phone: false }), "email");
  assert.equal(effectiveReminderChannel(null, { email: false, phone: false }), "none");
});

test("a messenger is a choice when its chat identity is verified", () => {
  assert.deepEqual(reminderChoices({ email: true, phone: false, telegram: true, messenger: true }), [
    "email",
    "telegram",
    "messenger",
    "none",
  ]);
  assert.equal(effectiveReminderChannel("viber", { email: false, phone: true, viber: true }), "viber");
});

test("a messenger choice without its chat falls back to e-mail, then SMS", () => {
  assert.equal(effectiveReminderChannel("telegram", { email: true, phone: true }), "email");
  assert.equal(effectiveReminderChannel("messenger", { email: false, phone: true, telegram: true }), "sms");
});

test("a chat where the person said STOP takes nothing, and its choice means none", () => {
  assert.equal(
    effectiveReminderChannel("telegram", { email: true, phone: true, telegram: true }, ["telegram"]),
    "none",
  );
  // STOP in another chat leaves an e-mail choice alone.
  assert.equal(
    effectiveReminderChannel("email", { email: true, phone: false, viber: true }, ["viber"]),
    "email",
  );
});
