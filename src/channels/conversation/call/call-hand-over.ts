// When a step does not work out: say why and ask again; after two failed tries by voice the step goes to the
// keypad, and after two more (or two at once when there is no speech) the call goes to an operator — the bot
// hangs up its side and the PBX, asking what next (GET /voice/calls/<id>/next), transfers it.
import type { CallMessage } from "./call-messages.ts";
import type { CallTurn } from "./call-turn.ts";

const TRIES = 2;

export function failed(
  turn: CallTurn,
  /** What to say first; null for a plain "no" to a read-back, which needs no apology. */
  why: CallMessage | null,
  askAgain: (turn: CallTurn) => Promise<void> | void,
  whyText?: string,
): Promise<void> | void {
  const state = turn.state;
  state.tries += 1;
  if (why && whyText) turn.prompts.push({ key: why, text: whyText, locale: turn.locale, fixed: false });
  else if (why) turn.say(why);
  if (state.tries < TRIES) return askAgain(turn);
  if (turn.speech) {
    state.keypadOnly = true;
    state.tries = 0;
    turn.say("useKeypad");
    return askAgain(turn);
  }
  return handOver(turn);
}

export function handOver(turn: CallTurn): void {
  turn.say("handOver");
  turn.finish("handed_over");
}

/** A step done: the next one starts with fresh tries, by voice again where there is a recogniser. */
export function nextStep(turn: CallTurn): void {
  turn.state.tries = 0;
  turn.state.keypadOnly = false;
}
