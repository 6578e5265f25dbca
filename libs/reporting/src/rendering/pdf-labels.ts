import type { ReportLanguage } from '../progress/progress-report.model';

/** The words only the PDF shows (its front matter and metadata), in Dutch and English. */
export interface PdfLabels {
  contents: string;
  keyFigures: string;
  charts: string;
  /** The PDF's language tag (PDF/UA: the document's natural language). */
  lang: string;
  creator: string;
}

const NL: PdfLabels = {
  contents: 'Inhoud',
  keyFigures: 'Kerncijfers',
  charts: 'Grafieken',
  lang: 'nl-NL',
  creator: 'Sterk Bestuur Tracker',
};

const EN: PdfLabels = {
  contents: 'Contents',
  keyFigures: 'Key figures',
  charts: 'Charts',
  lang: 'en-GB',
  creator: 'Sterk Bestuur Tracker',
};

export function pdfLabels(lang: ReportLanguage): PdfLabels {
  return lang === 'en' ? EN : NL;
}
