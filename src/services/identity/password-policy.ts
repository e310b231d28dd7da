// What a new password must be (NIST SP 800-63B's advice): long enough, and not one that attackers try first —
// a common password, one character repeated, a keyboard or alphabet run, a short piece repeated, the login
// itself, or a common word with a few digits or signs after it. No rules about character classes: they make
// passwords harder to remember, not to guess.
import { readFileSync } from "node:fs";
import { AppError } from "../errors.ts";
import type { LoginAddress } from "./identity-address.ts";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set(
  readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#")),
);

const RUNS = [
  "01234567890123456789",
  "abcdefghijklmnopqrstuvwxyz",
  "qwertyuiopasdfghjklzxcvbnm",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
  "йцукенгшщзхїфівапролджєячсмитьбю",
  "йцукенгшщзхъфывапролджэячсмитьбю",
  "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
  "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
];

function isRun(text: string): boolean {
  return RUNS.some((run) => run.includes(text) || [...run].reverse().join("").includes(text));
}

function loginWords(login: LoginAddress | undefined): string[] {
  if (!login) return [];
  if (login.kind === "email") return [login.externalId, login.externalId.split("@")[0]!];
  return [
    login.externalId,
    login.externalId.slice(1),
    `0${login.externalId.slice(4)}`,
    login.externalId.slice(4),
  ];
}

/** Why the password would be refused, or null when it is fine. */
export function passwordProblem(
  password: string,
  login?: LoginAddress,
): "password_too_short" | "password_too_common" | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "password_too_short";
  const text = password.toLowerCase();
  const squeezed = text.replace(/[\s._-]+/g, "");
  const stem = text.replace(/[\p{N}\p{P}\p{S}\s]+$/u, "");
  if (COMMON.has(text) || COMMON.has(squeezed) || (stem.length >= 4 && COMMON.has(stem))) {
    return "password_too_common";
  }
  if (/^(.{1,4})\1+$/u.test(squeezed) || isRun(squeezed)) return "password_too_common";
  if (loginWords(login).some((w) => w.length >= 4 && text.includes(w.toLowerCase()))) {
    return "password_too_common";
  }
  return null;
}

/** Throws the reason the password is refused, in every language. */
export function checkNewPassword(password: string, login?: LoginAddress): void {
  const problem = passwordProblem(password, login);
  if (problem === "password_too_short") {
    throw new AppError(
      "password_too_short",
      { min: MIN_PASSWORD_LENGTH },
      { field: "password", minLength: MIN_PASSWORD_LENGTH },
    );
  }
  if (problem) throw new AppError(problem, {}, { field: "password" });
}
