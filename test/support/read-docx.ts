import JSZip from 'jszip';

/** A DOCX read back: its parts, and the paragraphs and tables of its body in order. */
export interface ParsedDocx {
  documentXml: string;
  stylesXml: string;
  coreXml: string;
  paragraphs: { style: string | null; text: string }[];
  headings: { level: number; text: string }[];
  /** Each table's rows, each row its cells' text. */
  tables: string[][][];
}

const decode = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
    .map((m) => (m[0] === '<w:tab/>' ? '\t' : decode(m[1])))
    .join('');

export async function parseDocx(file: Buffer): Promise<ParsedDocx> {
  const zip = await JSZip.loadAsync(file);
  const read = (name: string) => zip.file(name)!.async('string');
  const [documentXml, stylesXml, coreXml] = await Promise.all([
    read('word/document.xml'),
    read('word/styles.xml'),
    read('docProps/core.xml'),
  ]);
  const body = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: textOf(p),
  }));
  const headings = paragraphs.flatMap((p) => {
    const level = /^Heading(\d)$/.exec(p.style ?? '')?.[1];
    return level ? [{ level: Number(level), text: p.text }] : [];
  });
  const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) =>
    [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
      [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
        [...cell.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => textOf(p)).join('\n'),
      ),
    ),
  );
  return { documentXml, stylesXml, coreXml, paragraphs, headings, tables };
}
