// A metric's monthly totals as a bar chart drawn on the server in inline SVG, in the cabinet's chart style
// (web/views/consumption-chart.ts): one horizontal bar per month, the month at the left, the figure at the bar's
// end, so no colour carries meaning. One image for assistive technology (role="img", named by its <title> and
// <desc>); the same figures are in the table beside it.
import { type Html, html } from "../../web/html.ts";

export interface StatisticsBar {
  label: string;
  value: number;
  valueText: string;
}

const WIDTH = 360;
const LABEL_WIDTH = 62;
const VALUE_ROOM = 78;
const PLOT = WIDTH - LABEL_WIDTH - VALUE_ROOM;
const ROW = 24;
const BAR = 16;

/** Whole pixels; a non-zero figure at least 1 so it is never drawn as none. */
export function statisticsBarLength(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(1, Math.round((value / max) * PLOT));
}

export function statisticsChart(o: {
  id: string;
  title: string;
  desc: string;
  bars: readonly StatisticsBar[];
}): Html {
  const max = Math.max(0, ...o.bars.map((b) => b.value));
  const height = o.bars.length * ROW + 4;
  const bars = o.bars.map((b, i) => {
    const length = statisticsBarLength(b.value, max);
    const y = 2 + i * ROW;
    const middle = y + BAR / 2 + 4;
    return html`<g><text x="0" y="${middle}">${b.label}</text><rect class="bar" x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR}"/><text x="${LABEL_WIDTH + length + 5}" y="${middle}">${b.valueText}</text></g>`;
  });
  return html`<svg class="statistics" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg"><title id="${o.id}-title">${o.title}</title><desc id="${o.id}-desc">${o.desc}</desc><line class="axis" x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke-width="2"/>${bars}</svg>`;
}
