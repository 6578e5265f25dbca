import type { Writable } from 'node:stream';
import {
  Document,
  Footer,
  HeadingLevel,
  HighlightColor,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TableRow,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { cleanText, keepPace } from '@app/core';
import type {
  ProgressReport,
  ReportHeader,
  ReportSummary,
} from '../progress/progress-report.model';
import { reportLabels, type ReportLabels } from '../progress/report-labels';
import { coverLines } from '../progress/report-table';
import {
  formatDateOrMoment,
  formatDay,
  formatMoment,
  formatNumber,
} from '../progress/report-style';
import {
  A4,
  MARGIN,
  TABLE_TEXT_STYLE,
  annexHeaderRow,
  annexRow,
  annexTable,
} from './docx-renderer.annex';
import { letterLabels, type LetterLabels, type NumberText } from './docx-renderer.labels';
import { addToPart, newPart, trackSection, type TrackPart } from './docx-renderer.tracks';
import { PROGRESS_EVERY, YIELD_EVERY } from './render-output';

/** Where the values of the letterhead lines (Datum, Kenmerk, Betreft) start. */
const LABEL_TAB = 1700;
/** A font every Word has; not embedded (the manager's Word lays the letter out). */
const FONT = 'Calibri';
/** Rijkshuisstijl donkerblauw: 10.4:1 on white. */
const HEADING_COLOUR = '154273';
const WRITE_CHUNK = 64 * 1024;

/**
 * Writes the report as a draft progress letter to parliament (a *Kamerbrief*, DOCX) to `out`
 * (not ended: the caller ends it): letterhead, introduction with the key figures, a section
 * per track with the state of its commitments and the latest narratives, a closing, and an
 * annex table of every action (landscape). The library builds the document in memory, so the
 * API makes it only up to REPORT_DIRECT_MAX_ACTIONS actions, like XLSX and PDF; the worker
 * makes larger ones. `onProgress` gets the number of actions read so far.
 */
export async function renderDocx(
  report: ProgressReport,
  out: Writable,
  onProgress?: (actionsDone: number) => void,
): Promise<void> {
  const { header, summary } = report;
  const labels = reportLabels(header.lang);
  const letter = letterLabels(header.lang);
  const n: NumberText = (value) => formatNumber(value, header.lang);

  const body: FileChild[] = [
    ...letterhead(header, letter),
    ...introduction(report, labels, letter, n),
  ];
  const annexRows: TableRow[] = [annexHeaderRow(labels)];
  let part: TrackPart | null = null;
  let done = 0;
  for await (const action of report.actions) {
    if (part === null || part.track?.id !== action.track?.id) {
      if (part) body.push(...trackSection(part, labels, letter, n));
      part = newPart(action.track);
    }
    addToPart(part, action, header, labels, letter);
    annexRows.push(annexRow(action, labels, header.lang));
    done++;
    // Gives the event loop a turn and stops when the reader went away (keepPace throws).
    if (done % YIELD_EVERY === 0) await keepPace(out);
    if (done % PROGRESS_EVERY === 0) onProgress?.(done);
  }
  if (part) body.push(...trackSection(part, labels, letter, n));
  else body.push(new Paragraph(labels.none));
  body.push(...closing(letter));

  const document = new Document({
    title: letter.subject(cleanText(header.programme.name)),
    subject: labels.title,
    creator: cleanText(header.programme.name),
    description: `${letter.draft}: ${letter.subject(cleanText(header.programme.name))}`,
    styles: documentStyles(header.lang),
    sections: [
      letterSection(body, header, letter),
      annexSection(summary, annexRows, header, letter, n),
    ],
  });
  const file = await Packer.toBuffer(document);
  for (let offset = 0; offset < file.length; offset += WRITE_CHUNK) {
    await keepPace(out);
    out.write(file.subarray(offset, offset + WRITE_CHUNK));
  }
  onProgress?.(done);
}

function documentStyles(lang: ReportHeader['lang']) {
  const heading = (size: number, colour: string) => ({
    run: { font: FONT, size, bold: true, color: colour },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        // The language of every run (spelling check, screen readers): the document's language.
        run: { font: FONT, size: 21, language: { value: lang === 'en' ? 'en-GB' : 'nl-NL' } },
        paragraph: { spacing: { after: 120 } },
      },
      heading1: heading(26, '000000'),
      heading2: heading(24, HEADING_COLOUR),
      heading3: heading(21, HEADING_COLOUR),
    },
    paragraphStyles: [
      {
        id: TABLE_TEXT_STYLE,
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: 18 },
        paragraph: { spacing: { before: 0, after: 40 } },
      },
    ],
  };
}

/** Text in square brackets, highlighted: for the manager to complete before sending. */
function placeholder(text: string, bold = false): TextRun {
  return new TextRun({ text, bold, highlight: HighlightColor.YELLOW });
}

function letterhead(header: ReportHeader, letter: LetterLabels): Paragraph[] {
  const tabbed = (label: string, value: TextRun, heading = false) =>
    new Paragraph({
      tabStops: [{ type: TabStopType.LEFT, position: LABEL_TAB }],
      spacing: { after: 0 },
      ...(heading ? { heading: HeadingLevel.HEADING_1, spacing: { before: 0, after: 360 } } : {}),
      children: [new TextRun({ text: label, bold: true }), new TextRun({ text: '\t' }), value],
    });
  return [
    new Paragraph({ spacing: { after: 480 }, children: [placeholder(letter.sender, true)] }),
    ...letter.addressee.map(
      (line, index, all) =>
        new Paragraph({ text: line, spacing: { after: index === all.length - 1 ? 480 : 0 } }),
    ),
    tabbed(letter.date, new TextRun(formatDay(header.reportDate, header.lang))),
    tabbed(letter.reference, placeholder(letter.referencePlaceholder)),
    // The subject is the letter's first heading: Word's navigation pane starts with it.
    tabbed(letter.concerns, new TextRun(letter.subject(cleanText(header.programme.name))), true),
  ];
}

function introduction(
  report: ProgressReport,
  labels: ReportLabels,
  letter: LetterLabels,
  n: NumberText,
): Paragraph[] {
  const { header, summary } = report;
  const lang = header.lang;
  const paragraphs = [
    new Paragraph(letter.salutation),
    new Paragraph(
      letter.intro(
        cleanText(header.programme.name),
        formatDateOrMoment(header.period.from, lang),
        formatDateOrMoment(header.period.to, lang),
        formatMoment(header.asOf, lang),
      ),
    ),
  ];
  if (Object.values(header.filters).some((value) => value !== undefined)) {
    const filters = coverLines(header, labels).find((line) => line.label === labels.filters);
    paragraphs.push(new Paragraph(letter.selection(cleanText(String(filters?.value ?? '')))));
  }
  paragraphs.push(
    new Paragraph(
      [
        letter.figures(summary.total, summary.open, summary.closed, n),
        letter.overdue(summary.overdue, n),
        letter.completedInPeriod(summary.completedInPeriod, n),
      ].join(' '),
    ),
  );
  return paragraphs;
}

function closing(letter: LetterLabels): Paragraph[] {
  return [
    new Paragraph({ text: letter.closing, spacing: { before: 360, after: 720 } }),
    new Paragraph({ text: letter.signatory, spacing: { after: 0 } }),
    new Paragraph({ children: [placeholder(letter.namePlaceholder)] }),
  ];
}

function footer(header: ReportHeader, letter: LetterLabels): Footer {
  return new Footer({
    children: [
      new Paragraph({
        children: [
          new TextRun({
            text: `${letter.draft} — ${letter.subject(cleanText(header.programme.name))} — `,
          }),
          new TextRun({ children: [PageNumber.CURRENT] }),
        ],
      }),
    ],
  });
}

function letterSection(
  children: FileChild[],
  header: ReportHeader,
  letter: LetterLabels,
): ISectionOptions {
  return {
    properties: {
      page: {
        size: { ...A4, orientation: PageOrientation.PORTRAIT },
        margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
      },
    },
    footers: { default: footer(header, letter) },
    children,
  };
}

function annexSection(
  summary: ReportSummary,
  rows: TableRow[],
  header: ReportHeader,
  letter: LetterLabels,
  n: NumberText,
): ISectionOptions {
  return {
    properties: {
      page: {
        size: { ...A4, orientation: PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
      },
    },
    footers: { default: footer(header, letter) },
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, text: letter.annex }),
      new Paragraph(letter.annexIntro(summary.total, n)),
      annexTable(rows),
    ],
  };
}
