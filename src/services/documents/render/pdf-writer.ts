// A thin layer over PDFKit for the documents: A4, DejaVu Sans embedded (Cyrillic, the hryvnia sign; subset into
// each file, so a reader needs no fonts of its own and pdftotext gets the text back), rows at fixed columns, and
// page breaks that repeat a table's header. PDFKit writes each page out when the next begins (bufferPages off),
// so a long statement never sits in memory whole.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { DOCUMENT_MESSAGES } from "./messages.ts";

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans from the dejavu-fonts-ttf package: `npm install` is all a machine needs, no system fonts. */
function dejaVu(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    fonts = {
      regular: readFileSync(join(dir, "DejaVuSans.ttf")),
      bold: readFileSync(join(dir, "DejaVuSans-Bold.ttf")),
    };
  }
  return fonts;
}

export interface Cell {
  text: string;
  x: number;
  width: number;
  align?: "left" | "right" | "center";
  bold?: boolean;
  size?: number;
  /** An amount: never cut. Wider than the cell, it is set smaller until it fits, on the row's baseline. */
  shrink?: boolean;
}

export const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BODY_SIZE = 8.5;
/** Points a shrunk amount leaves free on its left, so two full amount columns never touch. */
const SHRUNK_GAP = 4;

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  y: number = PAGE.margin;
  private pageNo = 1;
  /** Drawn at the top of every page after the first (a table's column headings). */
  onNewPage: (() => void) | null = null;

  constructor(
    readonly locale: Locale,
    info: { title: string; subject: string },
  ) {
    const { regular, bold } = dejaVu();
    this.doc = new PDFDocument({
      size: "A4",
      margin: PAGE.margin,
      bufferPages: false,
      autoFirstPage: true,
      lang: locale,
      info: { Title: info.title, Subject: info.subject, Creator: "Abonent", Producer: "Abonent" },
    });
    this.doc.registerFont("regular", regular);
    this.doc.registerFont("bold", bold);
    this.doc.font("regular").fontSize(BODY_SIZE);
    this.footer();
  }

  private footer(): void {
    const text = format(DOCUMENT_MESSAGES.page, this.locale, { n: this.pageNo });
    // Below the bottom margin PDFKit would start a new page for the text: lift the margin while it is drawn.
    const margins = this.doc.page.margins;
    const bottom = margins.bottom;
    margins.bottom = 0;
    this.doc
      .font("regular")
      .fontSize(7)
      .fillColor("#555555")
      .text(text, PAGE.margin, PAGE.height - PAGE.margin + 12, {
        width: CONTENT_WIDTH,
        align: "right",
        lineBreak: false,
      })
      .fillColor("black");
    margins.bottom = bottom;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensure(height: number): void {
    if (this.y + height <= PAGE.height - PAGE.margin) return;
    this.doc.addPage();
    this.pageNo += 1;
    this.footer();
    this.y = PAGE.margin;
    this.onNewPage?.();
  }

  /**
   * One line of cells at the current y; a text cell is cut with an ellipsis rather than wrapped, an amount
   * (`shrink`) is set smaller instead, so every digit of it is printed.
   */
  row(cells: Cell[], height = 12): void {
    this.ensure(height);
    for (const c of cells) {
      const size = c.size ?? BODY_SIZE;
      this.doc.font(c.bold ? "bold" : "regular").fontSize(size);
      let text = c.text;
      let y = this.y;
      const width = this.doc.widthOfString(text);
      if (width > c.width && c.shrink) {
        // Widths scale with the size. Set to leave a gap to the next column, and a hair more so that rounding
        // never pushes PDFKit into a line break.
        const smaller = (size * (c.width - SHRUNK_GAP)) / width - 0.01;
        y += (ascender(this.doc) * (size - smaller)) / 1000;
        this.doc.fontSize(smaller);
      } else if (width > c.width) {
        // Cut to the cell's width: one line, an ellipsis where it overflows (PDFKit would wrap it instead).
        while (text.length > 1 && this.doc.widthOfString(`${text}…`) > c.width) text = text.slice(0, -1);
        text = `${text.trimEnd()}…`;
      }
      this.doc.text(text, c.x, y, { width: c.width, align: c.align ?? "left", lineBreak: false });
    }
    this.y += height;
  }

  /** Text that may wrap over several lines, full width from `x`. */
  paragraph(text: string, options: { x?: number; width?: number; size?: number; bold?: boolean } = {}): void {
    const x = options.x ?? PAGE.margin;
    const width = options.width ?? CONTENT_WIDTH - (x - PAGE.margin);
    this.doc.font(options.bold ? "bold" : "regular").fontSize(options.size ?? BODY_SIZE);
    const height = this.doc.heightOfString(text, { width });
    this.ensure(height + 2);
    this.doc.text(text, x, this.y, { width });
    this.y += height + 2;
  }

  rule(weight = 0.5): void {
    this.ensure(4);
    this.doc
      .moveTo(PAGE.margin, this.y + 1)
      .lineTo(PAGE.width - PAGE.margin, this.y + 1)
      .lineWidth(weight)
      .stroke();
    this.y += 4;
  }

  gap(points: number): void {
    this.y += points;
  }
}

/** The current font's ascender in thousandths of its size (PDFKit keeps it on the font it has loaded). */
function ascender(doc: PDFKit.PDFDocument): number {
  return (doc as unknown as { _font: { ascender: number } })._font.ascender;
}

/**
 * Waits while the reader is behind: PDFKit pushes without regard to backpressure, so a renderer that produces
 * pages from a database cursor pauses here between pages until what it wrote has mostly been taken.
 */
export async function drained(doc: PDFKit.PDFDocument, limit = 1 << 20): Promise<void> {
  while (doc.readableLength > limit && !doc.destroyed) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
