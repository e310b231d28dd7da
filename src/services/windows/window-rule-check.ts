// The domain's verdict on a rule (validateWindowRule) as the one refusal a person reads: the first problem,
// with the field to correct, in every language.
import { validateWindowRule, type WindowRule } from "../../domain/submission-window.ts";
import { AppError } from "../errors.ts";

export function checkWindowRule(rule: WindowRule): WindowRule {
  const [problem] = validateWindowRule(rule);
  if (!problem) return rule;
  const days = { opens: String(rule.opensDay), closes: String(rule.closesDay) };
  const details = { field: problem.field ?? "opensDay", problem: problem.code };
  switch (problem.code) {
    case "not_integer":
    case "zero_day":
    case "day_out_of_range": {
      const field = problem.field === "closesDay" ? "closesDay" : "opensDay";
      return fail(new AppError("window_day_invalid", { day: String(rule[field]) }, details));
    }
    case "reversed_from_end":
      return fail(new AppError("window_reversed", days, details));
    case "empty_in_short_month":
    case "overlapping_occurrences": {
      const length = /in a (\d+)-day month/.exec(problem.message)?.[1] ?? "28";
      const code =
        problem.code === "empty_in_short_month" ? "window_empty_in_short_month" : "window_overlaps_next";
      return fail(new AppError(code, { ...days, length }, details));
    }
    default:
      // first_of_month without a 1st in the window; the schema already refuses unknown rules and policies.
      return fail(new AppError("window_deemed_first_outside", {}, { ...details, field: "deemedDateRule" }));
  }
}

function fail(error: AppError): never {
  throw error;
}
