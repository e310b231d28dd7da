// Reading documents back the way a person's tools do: the text of a PDF with poppler's pdftotext (layout kept),
// page 1 rendered at 150 dpi with pdftoppm and its QR code decoded by zbarimg (Debian: poppler-utils, zbar-tools).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "abonent-pdf-"));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as `pdftotext -layout` gives it, no-break spaces as plain ones. */
export function pdfText(pdf: Buffer): string {
  return inTempDir((dir) => {
    writeFileSync(join(dir, "doc.pdf"), pdf);
    execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", join(dir, "doc.pdf"), join(dir, "doc.txt")]);
    return readFileSync(join(dir, "doc.txt"), "utf8").replace(/\u00A0/g, " ");
  });
}

export function pdfPages(pdf: Buffer): number {
  return inTempDir((dir) => {
    writeFileSync(join(dir, "doc.pdf"), pdf);
    const info = execFileSync("pdfinfo", [join(dir, "doc.pdf")], { encoding: "utf8" });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  });
}

/** What zbarimg reads from an image (PNG bytes). */
export function decodeQrImage(png: Buffer): string {
  return inTempDir((dir) => {
    writeFileSync(join(dir, "code.png"), png);
    return zbar(join(dir, "code.png"));
  });
}

/** Page 1 at 150 dpi, then the QR code on it. */
export function qrFromPdf(pdf: Buffer): string {
  return inTempDir((dir) => {
    writeFileSync(join(dir, "doc.pdf"), pdf);
    execFileSync("pdftoppm", [
      "-r",
      "150",
      "-png",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(dir, "doc.pdf"),
      join(dir, "page"),
    ]);
    return zbar(join(dir, "page.png"));
  });
}

function zbar(file: string): string {
  // stderr carries zbar's complaints about a missing D-Bus; the code is on stdout.
  return execFileSync("zbarimg", ["--raw", "-q", file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim();
}

/** The first line of `text` that holds every one of `parts`, or "" (figures are checked on the line of their label). */
export function lineWith(text: string, ...parts: string[]): string {
  return text.split("\n").find((l) => parts.every((p) => l.includes(p))) ?? "";
}

/** Kopiykas as the documents print them in Ukrainian and Russian: "1 234,56", "-404,00". */
export function printed(kop: number): string {
  const abs = Math.abs(kop);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${kop < 0 ? "-" : ""}${whole},${String(abs % 100).padStart(2, "0")}`;
}
