// Addresses as people type them turned into the one form identities and codes are kept under, so
// "Ivan@Mail.UA" and "ivan@mail.ua", or "067 111 22 33" and "+380671112233", are one identity.

import type { IdentityKind, OutboxChannel } from "../../db/tables/identity.table.ts";
import { normalizeUkrainianPhone } from "../../domain/phone.ts";

/** A login a person signs up or in with. */
export interface LoginAddress {
  kind: "email" | "phone";
  externalId: string;
}

// Deliberately loose (one @, a dot in the domain, no spaces): the code sent there is the real check.
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

/** An e-mail (lower-cased) or a Ukrainian phone number; null for anything else. */
export function parseLogin(login: string): LoginAddress | null {
  const text = login.trim();
  if (text.includes("@")) {
    const email = text.toLowerCase();
    return EMAIL.test(email) && email.length <= 254 ? { kind: "email", externalId: email } : null;
  }
  const phone = normalizeUkrainianPhone(text);
  return phone ? { kind: "phone", externalId: phone } : null;
}

/** The stored form of an address of any kind; null when it cannot be one. */
export function normalizeAddress(kind: IdentityKind, text: string): string | null {
  const trimmed = text.trim();
  switch (kind) {
    case "email":
    case "phone": {
      const login = parseLogin(trimmed);
      return login?.kind === kind ? login.externalId : null;
    }
    case "caller": {
      // Callers ring from abroad too: a Ukrainian number in its one form, any other as + and digits.
      const ukrainian = normalizeUkrainianPhone(trimmed);
      if (ukrainian) return ukrainian;
      const digits = trimmed.replace(/[^0-9]/g, "");
      return /^\+?[0-9\s().-]+$/.test(trimmed) && digits.length >= 6 && digits.length <= 15
        ? `+${digits}`
        : null;
    }
    default:
      return trimmed.length > 0 && trimmed.length <= 320 ? trimmed : null;
  }
}

/** Where a message to an identity leaves through: a phone or caller number gets an SMS. */
export function outboxChannelOf(kind: IdentityKind): OutboxChannel {
  return kind === "phone" || kind === "caller" ? "sms" : kind;
}
