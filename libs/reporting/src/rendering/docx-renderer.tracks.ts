import {
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { cleanText } from '@app/core';
import type { ActionStatus, CommitmentKind } from '@app/tracking';
import type { ReportAction, ReportHeader, ReportTrack } from '../progress/progress-report.model';
import type { ReportLabels } from '../progress/report-labels';
import { formatMoment } from '../progress/report-style';
import { PARLIAMENT_STATUS_TERMS, STATUS_PARLIAMENT } from '../vocabularies';
import { HEADER_FILL, lines, PORTRAIT_TEXT_WIDTH, TABLE_TEXT_STYLE } from './docx-renderer.annex';
import type { LetterLabels, NumberText } from './docx-renderer.labels';

/**
 * The letter's section per track: how many of its actions stand where in parliament's terms,
 * a table of its commitments by parliamentary status, and the latest narrative of each action.
 * Gathered while the track's actions stream past (they come in track order).
 */

type ParliamentTerm = (typeof PARLIAMENT_STATUS_TERMS)[number];

interface CommitmentState {
  title: string | null;
  kind: CommitmentKind | null;
  counts: Record<ParliamentTerm, number>;
}

/** What the letter says of one track, gathered while its actions are read. */
export interface TrackPart {
  track: ReportTrack | null;
  total: number;
  counts: Record<ParliamentTerm, number>;
  commitments: Map<string | null, CommitmentState>;
  narratives: Paragraph[];
}

const zeroTerms = (): Record<ParliamentTerm, number> =>
  Object.fromEntries(PARLIAMENT_STATUS_TERMS.map((term) => [term, 0])) as Record<
    ParliamentTerm,
    number
  >;

export function newPart(track: ReportTrack | null): TrackPart {
  return { track, total: 0, counts: zeroTerms(), commitments: new Map(), narratives: [] };
}

function term(status: ActionStatus): ParliamentTerm {
  return STATUS_PARLIAMENT[status] as ParliamentTerm;
}

export function addToPart(
  part: TrackPart,
  action: ReportAction,
  header: ReportHeader,
  labels: ReportLabels,
  letter: LetterLabels,
): void {
  part.total++;
  part.counts[term(action.status)]++;
  const key = action.commitment?.id ?? null;
  let commitment = part.commitments.get(key);
  if (!commitment) {
    commitment = {
      title: action.commitment?.title ?? null,
      kind: action.commitment?.kind ?? null,
      counts: zeroTerms(),
    };
    part.commitments.set(key, commitment);
  }
  commitment.counts[term(action.status)]++;
  const narrative = action.latestNarrative;
  if (!narrative) return;
  part.narratives.push(
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 0 },
      children: [
        new TextRun({ text: cleanText(action.title), bold: true }),
        new TextRun({
          text: ` (${labels.status[action.status]}; ${labels.statusParliament[action.status]})`,
        }),
      ],
    }),
    new Paragraph({
      keepNext: true,
      spacing: { after: 0 },
      children: [
        new TextRun({
          text: letter.narrativeBy(
            cleanText(action.ownerOrganisation.name),
            formatMoment(narrative.at, header.lang),
          ),
          italics: true,
        }),
      ],
    }),
    ...lines(narrative.text).map((line) => new Paragraph({ text: line, spacing: { after: 0 } })),
  );
}

export function trackSection(
  part: TrackPart,
  labels: ReportLabels,
  letter: LetterLabels,
  n: NumberText,
): FileChild[] {
  const parts = PARLIAMENT_STATUS_TERMS.filter((t) => part.counts[t] > 0)
    .map((t) => `${n(part.counts[t])} ${t}`)
    .join(', ');
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      text: cleanText(part.track?.name ?? labels.noTrack),
    }),
    new Paragraph(letter.trackIntro(part.total, parts, n)),
    new Paragraph({ heading: HeadingLevel.HEADING_3, text: letter.commitments }),
    commitmentsTable(part, labels, letter, n),
    new Paragraph({ heading: HeadingLevel.HEADING_3, text: letter.narratives }),
    ...(part.narratives.length > 0 ? part.narratives : [new Paragraph(letter.noNarratives)]),
  ];
}

/** Per commitment of the track: its actions by parliamentary status (no commitment last). */
function commitmentsTable(
  part: TrackPart,
  labels: ReportLabels,
  letter: LetterLabels,
  n: NumberText,
): Table {
  // Wide enough for "Openstaand" in bold, also in the wider fonts a viewer may substitute.
  const countWidth = 1500;
  const kindWidth = 1600;
  const titleWidth = PORTRAIT_TEXT_WIDTH - kindWidth - countWidth * PARLIAMENT_STATUS_TERMS.length;
  const widths = [titleWidth, kindWidth, ...PARLIAMENT_STATUS_TERMS.map(() => countWidth)];
  const cell = (text: string, index: number, bold = false) =>
    new TableCell({
      width: { size: widths[index], type: WidthType.DXA },
      ...(bold ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : {}),
      children: [
        new Paragraph({ style: TABLE_TEXT_STYLE, children: [new TextRun({ text, bold })] }),
      ],
    });
  const entries = [...part.commitments.entries()].sort(
    ([a], [b]) => Number(a === null) - Number(b === null),
  );
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [letter.commitmentColumn, letter.kindColumn, ...PARLIAMENT_STATUS_TERMS].map(
          (text, index) => cell(text, index, true),
        ),
      }),
      ...entries.map(
        ([, commitment]) =>
          new TableRow({
            cantSplit: true,
            children: [
              cleanText(commitment.title ?? letter.noCommitment),
              commitment.kind ? labels.commitmentKind[commitment.kind] : labels.none,
              ...PARLIAMENT_STATUS_TERMS.map((t) => n(commitment.counts[t])),
            ].map((text, index) => cell(text, index)),
          }),
      ),
    ],
  });
}
