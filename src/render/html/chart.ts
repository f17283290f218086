/**
 * A stacked horizontal bar chart as inline SVG: one bar per family, one segment per
 * criterion's points, so the bar's length is the score. Pure: numbers in, markup out.
 */
import { html, type Markup } from './escape.js';

/**
 * Fills with at least 3:1 contrast against white (WCAG's rule for graphics), distinct in hue
 * and lightness so that neighbouring segments stay apart; a white gap separates them too.
 */
export const PALETTE = ['#1f5fa8', '#c2410c', '#047857', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#475569', '#92400e', '#1e3a8a'] as const;

export interface Series {
  criterion: string;
  label: string;
  colour: string;
}

export interface Segment {
  criterion: string;
  points: number;
  /** What the segment's tooltip says: criterion, contribution and rating in words. */
  title: string;
}

export interface Bar {
  id: string;
  label: string;
  score: number;
  segments: Segment[];
}

const LABEL_WIDTH = 140;
/** SVG units per point: a score of 100 is 500 units long. */
export const UNITS_PER_POINT = 5;
const PLOT_WIDTH = 100 * UNITS_PER_POINT;
const WIDTH = LABEL_WIDTH + PLOT_WIDTH + 60;
const BAR = 22;
const STEP = 34;
const TOP = 8;
const fixed = (n: number) => Number(n.toFixed(2)).toString();
/** Characters of a family's name that fit left of the bars at 13px; SVG text does not wrap. */
const LABEL_CHARACTERS = 18;

/** A name too long for the label column is shortened, with the whole name as its tooltip. */
function fitLabel(label: string): Markup | string {
  const characters = [...label];
  if (characters.length <= LABEL_CHARACTERS) return label;
  return html`${characters.slice(0, LABEL_CHARACTERS - 1).join('')}…<title>${label}</title>`;
}

/** Series in the order given, each a colour of the palette (cycling when there are more criteria than colours). */
export function seriesFor(criteria: ReadonlyArray<{ criterion: string; label: string }>): Series[] {
  return criteria.map((c, i) => ({ ...c, colour: PALETTE[i % PALETTE.length]! }));
}

export function stackedBarChart(bars: readonly Bar[], series: readonly Series[], text: { title: string; description: string }): Markup {
  const colour = new Map(series.map((s) => [s.criterion, s.colour]));
  const axisY = TOP + bars.length * STEP;
  const height = axisY + 26;
  const rows = bars.map((bar, i) => {
    const y = TOP + i * STEP;
    let x = LABEL_WIDTH;
    const rects = bar.segments
      .filter((s) => s.points > 0)
      .map((s) => {
        const width = s.points * UNITS_PER_POINT;
        const rect = html`<rect x="${fixed(x)}" y="${y}" width="${fixed(width)}" height="${BAR}" fill="${colour.get(s.criterion) ?? PALETTE[PALETTE.length - 1]}" stroke="#fff" stroke-width="1" data-criterion="${s.criterion}" data-points="${s.points}"><title>${s.title}</title></rect>`;
        x += width;
        return rect;
      });
    return html`<g class="bar" data-family="${bar.id}" data-score="${bar.score}">
<text x="${LABEL_WIDTH - 8}" y="${y + BAR / 2 + 5}" text-anchor="end" font-size="13" fill="#1a1a1a">${fitLabel(bar.label)}</text>
${rects}
<text class="total" x="${fixed(x + 6)}" y="${y + BAR / 2 + 5}" font-size="13" font-weight="600" fill="#1a1a1a">${bar.score.toFixed(1)}</text>
</g>`;
  });
  const ticks = [0, 20, 40, 60, 80, 100].map((t) => {
    const x = LABEL_WIDTH + t * UNITS_PER_POINT;
    return html`<line x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${axisY}" stroke="#d9d9d9" stroke-width="1"/><text x="${x}" y="${axisY + 16}" text-anchor="middle" font-size="11" fill="#4a4a4a">${t}</text>`;
  });
  return html`<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">
<title id="chart-title">${text.title}</title>
<desc id="chart-desc">${text.description}</desc>
<g class="grid" aria-hidden="true">${ticks}</g>
${rows}
</svg>`;
}

/** The legend: a swatch and the criterion in words, in the chart's order. */
export function legend(series: readonly Series[], note: (s: Series) => string): Markup {
  const items = series.map(
    (s) => html`<li><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="${s.colour}"/></svg>${s.label}${note(s)}</li>`,
  );
  return html`<ul class="legend">${items}</ul>`;
}
