// A node:test reporter that says nothing until the run ends, then lists every test that failed or was cancelled,
// with its file and the first lines of its error. CI shows the tail of a run's output; a failure 2,000 tests
// up would otherwise be out of sight (a run once ended with "cancelled 8" and no way to tell which).
const MAX_LINES = 8;

export default async function* failuresReporter(source) {
  const failed = [];
  for await (const event of source) {
    if (event.type !== "test:fail") continue;
    const { name, file, nesting, details } = event.data;
    const error = details?.error;
    // A suite fails or is cancelled with its tests, which are listed themselves; its own hooks' failures are kept.
    const ofItsTests = ["subtestsFailed", "cancelledByParent"].includes(error?.failureType);
    if (details?.type === "suite" && ofItsTests) continue;
    const cause = error?.cause ?? error;
    const message = String(cause?.stack ?? cause?.message ?? cause ?? "")
      .split("\n")
      .slice(0, MAX_LINES)
      .join("\n      ");
    failed.push(
      `  ${error?.failureType ?? "failed"}: ${name}${file ? ` (${file})` : ""}${nesting ? ` [depth ${nesting}]` : ""}\n      ${message}`,
    );
  }
  yield failed.length === 0
    ? "\n# no test failed or was cancelled\n"
    : `\n# ${failed.length} failed or cancelled:\n${failed.join("\n")}\n`;
}
