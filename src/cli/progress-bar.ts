// A progress bar on stderr for the long commands (seed, the history's billing). On a terminal cli-progress redraws
// it in place. Piped into a log it is a line at the start, a line at most every few seconds while the count
// moves, and the last count once: cli-progress's own non-terminal mode prints the same 100 % line on its ticks and
// again on stop, with a blank line after.
import type { Writable } from "node:stream";
import { SingleBar } from "cli-progress";

export interface Progress {
  start(total: number, value: number): void;
  update(value: number, total?: number): void;
  /** Prints the last count (once) and ends the bar; again, it does nothing. */
  stop(): void;
}

export interface ProgressOptions {
  stream?: Writable & { isTTY?: boolean };
  /** How often a line is printed when the stream is not a terminal. */
  intervalMs?: number;
}

const WIDTH = 40;

/** `label [====----] 40% | 800/2000 unit | 9s` */
export function progressBar(label: string, unit: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  return stream.isTTY
    ? terminalBar(label, unit, stream)
    : lineBar(label, unit, stream, options.intervalMs ?? 5000);
}

function terminalBar(label: string, unit: string, stream: Writable): Progress {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration}s`,
    stream: stream as NodeJS.WritableStream,
    barsize: WIDTH,
  });
  return {
    start: (total, value) => bar.start(total, value),
    update(value, total) {
      if (total !== undefined) bar.setTotal(total);
      bar.update(value);
    },
    stop: () => bar.stop(),
  };
}

function lineBar(label: string, unit: string, stream: Writable, intervalMs: number): Progress {
  let value = 0;
  let total = 0;
  let startedAt = 0;
  let printedAt = 0;
  let printed: string | undefined;
  let active = false;
  const print = () => {
    const counted = `${value}/${total}`;
    if (counted === printed) return;
    printed = counted;
    printedAt = Date.now();
    const share = total > 0 ? Math.min(1, value / total) : 0;
    const filled = Math.round(share * WIDTH);
    const seconds = Math.round((printedAt - startedAt) / 1000);
    stream.write(
      `${label} [${"=".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% | ` +
        `${counted} ${unit} | ${seconds}s\n`,
    );
  };
  return {
    start(t, v) {
      total = t;
      value = v;
      startedAt = Date.now();
      active = true;
      print();
    },
    // Printed from update, not from a timer: the embedded database's work runs as one long chain of promises,
    // during which timers do not fire.
    update(v, t) {
      value = v;
      if (t !== undefined) total = t;
      if (active && Date.now() - printedAt >= intervalMs) print();
    },
    stop() {
      if (!active) return;
      active = false;
      print();
    },
  };
}
