// `abonent voice parse`: what the voice bot's parsers make of an utterance (the text speech recognition gave),
// for trying phrasings and replaying call logs. One JSON line per utterance; an utterance that does not parse is
// data (exit code 0), a bad option is bad usage.
import { once } from "node:events";
import { createInterface } from "node:readline";
import { type Command, Option } from "commander";
import { parseSpokenAccount } from "../../domain/voice/spoken-account.ts";
import { parseSpokenNumber } from "../../domain/voice/spoken-number.ts";
import { matchSettlement, type SettlementNames } from "../../domain/voice/spoken-settlement.ts";
import type { VoiceLang } from "../../domain/voice/spoken-text.ts";
import { listSettlementNames } from "../../services/voice/list-settlement-names.ts";
import { wholeNumber } from "../options.ts";
import { withDeps } from "../with-deps.ts";

type Kind = "number" | "account" | "settlement";

/** Every error code the parsers return, in a sentence for whoever reads the output. */
const REASONS: Record<string, string> = {
  empty: "Nothing was said but filler words.",
  not_a_number: "A word in it is not a number word.",
  too_large: "The whole part has more digits than a meter dial (9).",
  too_many_fraction_digits: "More than 3 digits after the decimal mark.",
  misplaced_decimal_mark: "The decimal mark is said twice or has nothing after it.",
  not_recognised: "A word in it is not a digit, a letter's name, a separator or a filler.",
  misplaced_separator: "A separator comes first, last or next to another.",
  no_digits: "An account number has at least one digit.",
  too_long: "Longer than an account number may be (40 characters).",
  ambiguous: "It names two settlements equally well.",
};
const SETTLEMENT_REASONS: Record<string, string> = {
  not_recognised: "No settlement's name or alias is in it.",
};

type Outcome = { value: string | number; heard: string } | { error: string; word?: string };

function parser(kind: Kind, lang: VoiceLang, settlements: readonly SettlementNames[]) {
  const read = (text: string): Outcome => {
    if (kind === "account") return parseSpokenAccount(text, lang);
    if (kind === "settlement") return matchSettlement(text, lang, settlements);
    const r = parseSpokenNumber(text, lang);
    return "value" in r ? { value: r.value, heard: r.value } : r;
  };
  return (text: string): Record<string, unknown> => {
    const r = read(text);
    if ("value" in r) return { ...r, text };
    const reason = (kind === "settlement" && SETTLEMENT_REASONS[r.error]) || REASONS[r.error] || r.error;
    return { error: r.error, reason: r.word ? reason.replace(/\.$/, `: "${r.word}".`) : reason, text };
  };
}

async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, "drain");
}

export function addVoiceParse(voice: Command): void {
  voice
    .command("parse")
    .description(
      "Parse what a caller said (the recogniser's text): a reading, an account number or a settlement. " +
        "Prints one JSON line: value, heard and text, or error, reason and text. With no TEXT, reads stdin and " +
        "prints a line for each of its lines.",
    )
    .addOption(
      new Option("--lang <lang>", "the caller's language").choices(["uk", "ru"]).makeOptionMandatory(),
    )
    .addOption(
      new Option("--kind <kind>", "what the caller was asked for")
        .choices(["number", "account", "settlement"])
        .makeOptionMandatory(),
    )
    .option(
      "--provider <id>",
      "settlement: only those where this provider serves (by id)",
      wholeNumber(1, 2_147_483_647),
    )
    .argument("[text...]", "the utterance (stdin, one a line, when absent)")
    .action(async (words: string[], opts: { lang: VoiceLang; kind: Kind; provider?: number }) => {
      // Only settlements need the database; it is closed again before any utterance is read.
      const settlements =
        opts.kind === "settlement" ? await withDeps((deps) => listSettlementNames(deps, opts.provider)) : [];
      const parse = parser(opts.kind, opts.lang, settlements);
      if (words.length > 0) {
        await writeLine(JSON.stringify(parse(words.join(" "))));
        return;
      }
      // Line by line, so a log of a million utterances streams through in constant memory.
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      for await (const line of lines) await writeLine(JSON.stringify(parse(line)));
    });
}
