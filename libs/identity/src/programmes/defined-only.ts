/**
 * The properties whose value is not undefined. DTO instances carry every declared field
 * (class fields are defined), so "not sent" shows up as undefined; null stays, meaning "clear".
 */
export function definedOnly<T extends object>(values: { [K in keyof T]?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
