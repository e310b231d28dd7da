// A bar chart drawn on the server as inline SVG: one horizontal bar per month (a phone's narrow screen fits any
// number of months, each label readable), the month at the left and the value at the bar's end. An estimated month
// is told apart by a hatch pattern and a "≈" before its value, not by colour alone. The SVG is one image for
// assistive technology (role="img", named by its <title> and <desc>); the same figures go in a table beside it.
// No script and no style attribute: the page's stylesheet colours it, the pattern uses presentation attributes.
import { type Html, html } from "../html.ts";

export interface ChartBar {
  /** At the left: the month. */
  label: string;
  /** The bar's length, in any unit (thousandths of a kWh): only the proportions count. */
  value: number;
  /** At the bar's end: the value as a person reads it ("150", "7,2"). */
  valueText: string;
  estimated: boolean;
}

export interface ChartOptions {
  /** Unique on the page: the ids of the title, the description and the pattern start with it. */
  id: string;
  title: string;
  desc: string;
  bars: readonly ChartBar[];
  legendActual: string;
  legendEstimated: string;
}

export const CHART_WIDTH = 360;
const LABEL_WIDTH = 66;
const VALUE_ROOM = 64;
/** The longest bar, for the largest value. */
export const PLOT_WIDTH = CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM;
const ROW = 26;
const BAR = 18;
const TOP = 4;
const LEGEND = 34;

/** The length of a bar of `value` when the largest is `max`: whole pixels, a non-zero value at least 1. */
export function barLength(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(1, Math.round((value / max) * PLOT_WIDTH));
}

export function consumptionChart(o: ChartOptions): Html {
  const max = Math.max(0, ...o.bars.map((b) => b.value));
  const hatch = `${o.id}-hatch`;
  const height = TOP + o.bars.length * ROW + LEGEND;
  const bars = o.bars.map((b, i) => {
    const length = barLength(b.value, max);
    const y = TOP + i * ROW;
    const middle = y + BAR / 2 + 5;
    const fill = b.estimated ? html` fill="url(#${hatch})"` : "";
    return html`<g class="month${b.estimated ? " is-estimated" : ""}"><text class="label" x="0" y="${middle}">${b.label}</text><rect class="${b.estimated ? "bar-estimated" : "bar"}" x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR}"${fill}/><text class="value" x="${LABEL_WIDTH + length + 5}" y="${middle}">${b.estimated ? "≈" : ""}${b.valueText}</text></g>`;
  });
  const legendY = height - 12;
  return html`<svg class="consumption" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" viewBox="0 0 ${CHART_WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg"><title id="${o.id}-title">${o.title}</title><desc id="${o.id}-desc">${o.desc}</desc><defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/><rect width="4" height="8" fill="#505a5f"/></pattern></defs><line class="axis" x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${TOP + o.bars.length * ROW}" stroke-width="2"/>${bars}<g class="legend"><rect class="bar" x="0" y="${legendY - 13}" width="16" height="16"/><text x="22" y="${legendY}">${o.legendActual}</text><rect class="bar-estimated" x="${CHART_WIDTH / 2}" y="${legendY - 13}" width="16" height="16" fill="url(#${hatch})"/><text x="${CHART_WIDTH / 2 + 22}" y="${legendY}">${o.legendEstimated}</text></g></svg>`;
}
