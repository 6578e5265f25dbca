import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanText } from '@app/core';

/**
 * The PDF's typeface: Source Sans 3 (Adobe, SIL Open Font License), shipped by the npm package
 * `source-sans` and embedded as a subset, so every reader sees the same letters and the file
 * meets PDF/UA's "all fonts embedded". It covers Latin (with the Central European letters such
 * as ł and ő), Greek, Cyrillic and the common signs (≥, €, –); a character it lacks (an emoji)
 * becomes a white square (□), the usual sign of a missing glyph, instead of nothing.
 */
export const FONT = 'SourceSans3';
export const FONT_BOLD = 'SourceSans3-Bold';

const FILES: Record<string, string> = {
  [FONT]: 'SourceSans3-Regular.ttf',
  [FONT_BOLD]: 'SourceSans3-Bold.ttf',
};

let fontData: Map<string, Buffer> | undefined;

/** The font files, read once per process (about 0.6 MB; each PDF embeds only the glyphs it uses). */
function fonts(): Map<string, Buffer> {
  if (!fontData) {
    const dir = path.join(path.dirname(require.resolve('source-sans/package.json')), 'TTF');
    fontData = new Map(
      Object.entries(FILES).map(([name, file]) => [name, readFileSync(path.join(dir, file))]),
    );
  }
  return fontData;
}

/** Registers the embedded fonts with a document. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of fonts()) doc.registerFont(name, data);
}

/**
 * Empties PDFKit's per-word layout caches of the embedded fonts. PDFKit remembers the glyph
 * layout of every word it has drawn and never forgets one; report text has ever new words
 * (numbers, names), so for 100,000 actions that grows by about 2 KB an action. Emptied every
 * so many actions, the cache still serves the words that repeat, and memory stays flat.
 */
export function trimFontCaches(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, { layoutCache?: object }> })
    ._fontFamilies;
  for (const font of Object.values(families)) {
    if (font.layoutCache) font.layoutCache = Object.create(null) as object;
  }
}

/** fontkit's face behind PDFKit's current font (not in PDFKit's typings). */
interface FontkitFace {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const covered = new Map<number, boolean>();
const REPLACEMENT = '□';

/**
 * Text the embedded font can show: control characters dropped, tabs as spaces, accents
 * composed, and characters without a glyph in the font replaced by □. The regular and bold
 * faces cover the same characters, so one answer per character serves both.
 */
export function pdfText(doc: PDFKit.PDFDocument, text: string): string {
  const face = (doc as unknown as { _font?: { font?: FontkitFace } })._font?.font;
  let result = '';
  for (const char of cleanText(text).normalize('NFC').replace(/\t/g, ' ')) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || char === '\n' || !face) {
      result += char;
      continue;
    }
    let has = covered.get(code);
    if (has === undefined) {
      has = face.hasGlyphForCodePoint(code);
      if (covered.size < 10_000) covered.set(code, has);
    }
    result += has ? char : REPLACEMENT;
  }
  return result;
}

/**
 * svg-to-pdfkit's font choice for the charts' SVG text: the embedded font, bold when asked
 * (ECharts names its own families; none of them is available in a PDF).
 */
export function svgFont(_family: string, bold: boolean): string {
  return bold ? FONT_BOLD : FONT;
}
