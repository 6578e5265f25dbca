/** What the seed's SQL shares: the organisations, the pseudo-random pick and the closed statuses. */
import { ORGANISATIONS } from './api-seed-data';

/** A query of the seed's connection. */
export type SeedQuery = <T = unknown>(sql: string, parameters?: unknown[]) => Promise<T[]>;

/** Twenty organisations: the first twenty of the API benchmark's list, with their weights. */
export const ORGS = ORGANISATIONS.slice(0, 20);

/** `(hashint4(expr) & 2147483647) % n`: a stable pseudo-random number in [0, n). */
export const pick = (expression: string, n: number | string) =>
  `((hashint4(${expression}) & 2147483647) % ${n})`;

export const CLOSED = `('met', 'partially_met', 'lapsed')`;
