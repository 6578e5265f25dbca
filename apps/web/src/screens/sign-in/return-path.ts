/**
 * Where to go after signing in: only a path of this app, never another site (an open
 * redirect would let a crafted link send a person elsewhere after a real sign-in). The value
 * is read as the browser's URL parser reads it, which drops tabs and line breaks and takes a
 * backslash for a slash (`/\t/evil.example` is `//evil.example`): what does not stay on this
 * origin, or holds such characters at all, goes to Mijn werk.
 */
export function safeReturnPath(value: string | null): string {
  // eslint-disable-next-line no-control-regex -- the control characters are the point
  if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  const origin = window.location.origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//') || path.startsWith('/aanmelden') || path.startsWith('/v1/')) return '/';
  return path;
}
