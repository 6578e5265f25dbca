/** A connection url fit to print: the password (with or without a user name) becomes ****. */
export function maskUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:****@');
}
