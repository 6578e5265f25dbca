/**
 * Where to go after signing in: only a path of this app, never another site (an open
 * redirect would let a crafted link send a person elsewhere after a real sign-in).
 */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  if (value.startsWith('/aanmelden') || value.startsWith('/v1/')) return '/';
  return value;
}
