/** The web app's sign-in page: where a refused sign-in lands, with its reason. */
export const SIGN_IN_PAGE = '/aanmelden';

/**
 * The web app path to land on after signing in: a path of this site only, never another
 * site (an open redirect would let a crafted link send a person elsewhere after a real
 * sign-in). Mirrors the web app's safeReturnPath: what holds control characters or a
 * backslash, does not stay on this origin, or points at the API or the sign-in page, is `/`.
 */
export function safeReturnPath(value: string | undefined, publicUrl: string): string {
  if (!value || value.length > 500) return '/';
  // eslint-disable-next-line no-control-regex -- the control characters are the point
  if (!value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  const origin = new URL(publicUrl).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//') || path.startsWith(SIGN_IN_PAGE) || path.startsWith('/v1/')) return '/';
  return path;
}
