// The tasks about one account (readings, what I owe, the estimate, the planned payment): with one account linked
// it is taken at once, with several the person chooses.
import type { AccountTask, Turn } from "../turn.ts";
import { showMenu } from "./menu.ts";
import { showEstimate, showOwe, showPlanned } from "./money.ts";
import { pickMeter } from "./reading.ts";

export async function startAccountTask(turn: Turn, task: AccountTask): Promise<void> {
  if (!turn.actor) return showMenu(turn, turn.t("needsLink"));
  const accounts = await turn.call("listMyAccounts", {});
  if (accounts.length === 0) return showMenu(turn, turn.t("needsLink"));
  if (accounts.length === 1) return runAccountTask(turn, task, accounts[0]!.id);
  turn.state = { step: "pick_account", task };
  turn.say(
    turn.t("chooseAccount"),
    accounts.map((a) => [{ label: `${a.number} · ${a.provider.name[turn.locale]}`, payload: `acc:${a.id}` }]),
  );
}

export async function runAccountTask(turn: Turn, task: AccountTask, accountId: number): Promise<void> {
  switch (task) {
    case "reading":
      return pickMeter(turn, accountId);
    case "owe":
      return showOwe(turn, accountId);
    case "estimate":
      return showEstimate(turn, accountId);
    case "planned":
      return showPlanned(turn, accountId);
  }
}
