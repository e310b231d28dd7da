// The main menu: what a linked person can do, or how to start for a chat nobody linked yet.
import type { Turn } from "../turn.ts";

export function showMenu(turn: Turn, lead?: string): void {
  turn.state = { step: "menu" };
  if (!turn.actor) {
    turn.say(lead ? `${lead}\n${turn.t("menuUnlinked")}` : turn.t("menuUnlinked"), [
      [turn.button("btnLink", "t:link")],
      [turn.button("btnLanguage", "t:lang")],
    ]);
    return;
  }
  turn.say(lead ?? turn.t("menu"), [
    [turn.button("btnReading", "t:reading"), turn.button("btnOwe", "t:owe")],
    [turn.button("btnEstimate", "t:estimate"), turn.button("btnPlanned", "t:planned")],
    [turn.button("btnNews", "t:news"), turn.button("btnContacts", "t:contacts")],
    [turn.button("btnOperator", "t:operator"), turn.button("btnLink", "t:link")],
    [turn.button("btnLanguage", "t:lang"), turn.button("btnUnlink", "t:unlink")],
  ]);
}

export function askLanguage(turn: Turn): void {
  turn.state = { step: "language" };
  turn.say(turn.t("chooseLanguage"), [
    [
      { label: "Українська", payload: "lang:uk" },
      { label: "Русский", payload: "lang:ru" },
      { label: "English", payload: "lang:en" },
    ],
  ]);
}
