import { useCallback, useRef } from 'react';

/**
 * The `Idempotency-Key` of a creating request: one per attempt of the person. Sending the
 * same request again (a retry after a network failure, a second click) reuses the key, so
 * the API creates nothing twice; a changed request gets a new key (the API refuses an old
 * key with another body). `done()` after success: the next submit is a new attempt.
 */
export function useIdempotencyKey(): { keyFor: (request: unknown) => string; done: () => void } {
  const attempt = useRef<{ key: string; request: string } | null>(null);
  const keyFor = useCallback((request: unknown) => {
    const fingerprint = JSON.stringify(request);
    if (attempt.current?.request !== fingerprint) {
      attempt.current = { key: crypto.randomUUID(), request: fingerprint };
    }
    return attempt.current.key;
  }, []);
  const done = useCallback(() => {
    attempt.current = null;
  }, []);
  return { keyFor, done };
}
