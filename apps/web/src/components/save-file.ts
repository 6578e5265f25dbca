/** The file name of a `Content-Disposition` header (RFC 6266: `filename*` wins), if any. */
export function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || undefined;
}

/**
 * Hands a fetched file to the browser as a download. The API wants the bearer token in a
 * header (never in a URL, DESIGN §4), so a plain link cannot fetch it: the page fetches it,
 * and a temporary `<a download>` on an object URL of the bytes saves it. The CSP allows it:
 * a download is not a navigation, and the blob is of this origin.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes once the click's task is over; a minute is ample.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
