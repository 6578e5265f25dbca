import { HEALTH_SWATCH, STATUS_SWATCH, type Swatch } from '../progress/report-style';

/** `.s-met { … }`: a status or health cell in its colour (the word stays in it). */
const swatchRules = (prefix: string, swatches: Readonly<Record<string, Swatch>>): string =>
  Object.entries(swatches)
    .map(
      ([code, { fill, text }]) => `td.${prefix}-${code} { background: ${fill}; color: ${text}; }`,
    )
    .join('\n');

/**
 * The stylesheet of the HTML report: inline (the file must work offline and under a strict
 * CSP that allows no external resources), readable on screen and in print. Status and health
 * cells carry their colours (contrast ≥ 4.5:1) and always their words: nothing depends on colour.
 */
export const HTML_STYLE = `
:root { color-scheme: light; }
body { font-family: Verdana, Arial, sans-serif; color: #000;
  background: #fff; margin: 2rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid #000; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
dl.cover { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.cover dt { font-weight: bold; }
dl.cover dd { margin: 0; }
table { border-collapse: collapse; margin: 0 0 1.25rem; font-size: 0.85rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #666; padding: 0.2rem 0.4rem; vertical-align: top; text-align: left; }
thead th { background: #e6e6e6; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.actions { width: 100%; }
table.actions tbody tr:nth-child(even) { background: #f4f4f4; }
.c-latestNarrative { white-space: pre-line; min-width: 18rem; }
.c-percentComplete { text-align: right; }
.c-deadline, .c-closedAt, .c-latestNarrativeAt { white-space: nowrap; }
figure.chart { margin: 1rem 0 1.5rem; max-width: 48rem; }
figure.chart svg { width: 100%; height: auto; }
.chart-text { font-size: 0.85rem; }
${swatchRules('s', STATUS_SWATCH)}
${swatchRules('h', HEALTH_SWATCH)}
@media print {
  td[class*=' s-'], td[class*=' h-'] { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; font-size: 9pt; }
  table { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.actions { break-before: page; }
  thead th, table.actions tbody tr:nth-child(even) { background: none; }
  thead th { border-bottom: 2px solid #000; }
}
`;
