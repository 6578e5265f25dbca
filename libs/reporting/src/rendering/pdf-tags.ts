/**
 * The PDF's tags (PDF/UA-1, ISO 14289): every piece of content is either inside a structure
 * element (heading, paragraph, list, table cell, figure) or marked as an artifact (page footer,
 * rules and fills, a header row repeated after a page break), so a screen reader reads the
 * structure in order and skips the decoration.
 *
 * Memory: PDFKit keeps, until the document ends, each page's list of the structure elements its
 * marked content belongs to (the structure parent tree). For 100,000 actions that is about a
 * million elements; here each finished page's list is written out as an object of its own (a
 * number tree may point to its values indirectly) and dropped, so memory stays flat. Elements
 * are ended as soon as they are complete, so PDFKit writes and forgets them.
 */

export type StructElement = PDFKit.PDFStructureElement;

/** Structure element options PDFKit knows but its typings lack. */
export interface StructOptions {
  title?: string;
  lang?: string;
  alt?: string;
  actual?: string;
  /** The cells a header cell heads (table attribute owner). */
  scope?: 'Row' | 'Column' | 'Both';
  /** Layout attributes: a figure needs its box (x, y, right, bottom in page units, top-down). */
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

interface ParentTree {
  _items: Record<string, unknown>;
}

interface Internals {
  getStructParentTree(): ParentTree;
  page: { dictionary: { data: { StructParents?: number } } };
}

export class PdfTags {
  /** The `Document` element every other element descends from. */
  readonly root: StructElement;
  private readonly finishedPages: number[] = [];
  private page: Internals['page'] | undefined;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    doc.on('pageAdded', () => this.pageAdded());
  }

  /** An element with children to come, added to `parent` (end it when its last child is in). */
  group(parent: StructElement, type: string, options: StructOptions = {}): StructElement {
    const element = this.doc.struct(type, options);
    parent.add(element);
    return element;
  }

  /** An element whose content `draw` draws now (it must not break the page). */
  block(
    parent: StructElement,
    type: string,
    draw: () => void,
    options: StructOptions = {},
  ): StructElement {
    const element = this.group(parent, type, options);
    element.add(draw);
    element.end();
    return element;
  }

  /** Decoration or page furniture: drawn, but not part of what is read. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** The page before is finished: its list of parents can be written (see the file's comment). */
  private pageAdded(): void {
    // PDFKit makes a page's key on its first marked content: a page without any has none.
    const key = this.page?.dictionary.data.StructParents;
    if (key !== undefined) this.finishedPages.push(key);
    this.page = (this.doc as unknown as Internals).page;
    const tree = (this.doc as unknown as Internals).getStructParentTree();
    const waiting: number[] = [];
    for (const finished of this.finishedPages) {
      const parents = tree._items[finished];
      if (!Array.isArray(parents)) continue;
      // A list with a hole still waits for an element (content that ran over a page break).
      if (parents.some((parent) => parent == null)) {
        waiting.push(finished);
        continue;
      }
      const ref = this.doc.ref(parents);
      (ref as unknown as { end(): void }).end();
      // Written: its id is all the tree needs from now on.
      (ref as unknown as { data: unknown }).data = null;
      tree._items[finished] = ref;
    }
    this.finishedPages.splice(0, this.finishedPages.length, ...waiting);
  }
}
