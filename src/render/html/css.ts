/**
 * The report's only style sheet, inlined: system fonts (no web fonts), light colours with
 * dark text, and print rules that keep each card, bar chart and table row on one page.
 * Badges use borders, not backgrounds, because browsers drop backgrounds when printing.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --rule: #c8c8c8; --accent: #1f4e8c; --bad: #a11d1d; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 1.5rem; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1rem 0 .35rem; }
p, ul, ol, table, figure { margin: .4rem 0 .8rem; }
ul { padding-left: 1.2rem; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .88em; overflow-wrap: anywhere; }
.meta, .note { color: var(--muted); font-size: .86rem; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: .8rem 1rem; margin: .8rem 0; }
.verdict { border: 2px solid var(--accent); }
.verdict .headline { font-size: 1.3rem; font-weight: 650; margin: 0; }
.sure { font-weight: 600; color: var(--accent); }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .02em; }
.required { color: var(--bad); }
.recommended { color: var(--muted); }
figure { margin-left: 0; margin-right: 0; }
figure > svg { width: 100%; height: auto; display: block; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1rem; font-size: .86rem; }
.legend svg { vertical-align: -1px; margin-right: .3rem; }
table { border-collapse: collapse; width: 100%; font-size: .86rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .2rem .4rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.out li { margin-bottom: .3rem; }
.item { padding: .5rem .8rem; margin: .5rem 0; }
.item h4 { font-size: .95rem; margin: 0 0 .2rem; }
.item p, .item ul { margin: .2rem 0; }
.item ul { font-size: .86rem; }
.item .id { color: var(--muted); font-weight: 400; }
.refs { font-size: .86rem; }
caption { text-align: left; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: .15rem 1rem; margin: .4rem 0 .8rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; }
@media print {
  @page { margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .card, figure, tr, li, .item { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
