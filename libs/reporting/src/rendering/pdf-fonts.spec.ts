import PDFDocument from 'pdfkit';
import { FONT, FONT_BOLD, pdfText, registerFonts } from './pdf-fonts';

describe('pdfText', () => {
  const doc = new PDFDocument({ autoFirstPage: false });
  registerFonts(doc);

  it('keeps what the embedded font can show, beyond WinAnsi too', () => {
    doc.font(FONT);
    expect(pdfText(doc, 'Financiën – coördinatie — “ok” €5, ≥ 3, Łódź, Ελλάδα')).toBe(
      'Financiën – coördinatie — “ok” €5, ≥ 3, Łódź, Ελλάδα',
    );
    doc.font(FONT_BOLD);
    expect(pdfText(doc, 'e\u0308\tf')).toBe('ë f');
  });

  it('shows a character the font lacks as □, and drops control characters', () => {
    doc.font(FONT);
    expect(pdfText(doc, 'ok 🚀 中文\u0007')).toBe('ok □ □□');
  });
});
