// The NBU payment QR code as a picture: drawn in vector into a PDF page (sharp at any zoom, and large enough for a
// scanner at 150 dpi), or as a PNG. Annex 1 of NBU resolution No. 97 asks for QR versions 10 to 20, error
// correction Q (M when the data does not fit otherwise), and, for formats 002 and 003, the hryvnia sign in a white
// circle at the centre; the circle's diameter here grows from 17 modules at version 10 to 25 at version 17 (as
// implementations quoting the annex's table describe it), which error correction Q restores around.
import QRCode from "qrcode";

type Level = "Q" | "M";

export interface QrMatrix {
  size: number;
  version: number;
  level: Level;
  dark(row: number, col: number): boolean;
}

function create(text: string, level: Level): QRCode.QRCode {
  const qr = QRCode.create(text, { errorCorrectionLevel: level });
  return qr.version >= 10 ? qr : QRCode.create(text, { errorCorrectionLevel: level, version: 10 });
}

export function nbuQrMatrix(link: string): QrMatrix {
  let level: Level = "Q";
  let qr = create(link, level);
  if (qr.version > 20) {
    level = "M";
    qr = create(link, level);
  }
  const { size, data } = qr.modules;
  return { size, version: qr.version, level, dark: (row, col) => data[row * size + col] === 1 };
}

/** Diameter in modules of the white circle under the hryvnia sign: odd, 17 at version 10, about 25 at 17. */
export function signDiameter(version: number): number {
  const d = Math.round(17 + ((Math.min(version, 17) - 10) * 8) / 7);
  return d % 2 === 0 ? d + 1 : d;
}

const QUIET_ZONE = 4;

/** Draws the code with its quiet zone into a square of `side` points at (x, y). */
export function drawNbuQr(
  doc: PDFKit.PDFDocument,
  link: string,
  x: number,
  y: number,
  side: number,
): QrMatrix {
  const m = nbuQrMatrix(link);
  const unit = side / (m.size + 2 * QUIET_ZONE);
  const ox = x + QUIET_ZONE * unit;
  const oy = y + QUIET_ZONE * unit;
  doc.save();
  doc.rect(x, y, side, side).fill("white");
  // One rectangle per run of dark modules in a row keeps the file small.
  for (let row = 0; row < m.size; row++) {
    let col = 0;
    while (col < m.size) {
      if (!m.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.size && m.dark(row, col)) col++;
      // A hair of overlap so that no seam shows between rows when rasterised.
      doc.rect(ox + start * unit, oy + row * unit, (col - start) * unit + 0.01, unit + 0.01);
    }
  }
  doc.fill("black");
  const cx = ox + (m.size * unit) / 2;
  const cy = oy + (m.size * unit) / 2;
  const radius = (signDiameter(m.version) * unit) / 2;
  doc.circle(cx, cy, radius).fill("white");
  drawHryvniaSign(doc, cx, cy, radius * 1.25);
  doc.restore();
  return m;
}

/**
 * The hryvnia sign as strokes, not as a font glyph: a letter there would be read back by text extraction and
 * would pull the neighbouring lines of text out of place. A mirrored cursive S with two bars, in a box `size` wide.
 */
function drawHryvniaSign(doc: PDFKit.PDFDocument, cx: number, cy: number, size: number): void {
  doc.save();
  doc.translate(cx - size / 2, cy - size / 2).scale(size / 100);
  doc.lineWidth(10).lineCap("round").strokeColor("black");
  doc.path("M 30 26 C 38 8, 76 10, 74 32 C 72 50, 28 52, 26 70 C 24 90, 62 94, 72 76").stroke();
  doc.moveTo(20, 43).lineTo(80, 43).stroke();
  doc.moveTo(20, 59).lineTo(80, 59).stroke();
  doc.restore();
}

/** The code alone as a PNG (no sign: a plain image for apps and web pages), `scale` pixels a module. */
export function nbuQrPng(link: string, scale = 8): Promise<Buffer> {
  const m = nbuQrMatrix(link);
  return QRCode.toBuffer(link, {
    errorCorrectionLevel: m.level,
    version: m.version,
    margin: QUIET_ZONE,
    scale,
    type: "png",
  });
}
