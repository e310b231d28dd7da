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
