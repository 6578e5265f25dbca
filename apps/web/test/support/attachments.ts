import { type Locator, type Page } from '@playwright/test';

/** The smallest file the API takes for a PDF: its bytes say so, whatever its name. */
export const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/**
 * Drags a file over `target` as a browser does (dragenter, dragover) and, unless `drop` is
 * false, drops it there: a DataTransfer holding a File with these bytes.
 */
export async function dragFile(
  page: Page,
  target: Locator,
  file: { name: string; bytes: Buffer },
  { drop = true }: { drop?: boolean } = {},
): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
      return transfer;
    },
    { name: file.name, bytes: [...file.bytes] },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  if (drop) await target.dispatchEvent('drop', { dataTransfer });
}
