/** A short, safe account of an SMTP failure: the server's code and words, never our internals. */
export function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const { responseCode, response, code } = error as {
    responseCode?: number;
    response?: string;
    code?: string;
  };
  // The server's own reply is what a coordinator can act on. A connection error's message
  // names our mail host's address, which stays in the logs.
  if (responseCode) {
    const reply = (response ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);
    return reply.startsWith(String(responseCode)) ? reply : `${responseCode} ${reply}`.trim();
  }
  return `${code ?? 'error'}: the mail server could not be reached or broke off`;
}
