/**
 * The parameters of one SQL statement that several parts build together (a change, its audit
 * event and its outbox event as CTEs of one statement): each part adds its values and writes
 * the placeholders it is given, so the numbering never collides.
 */
export class StatementParameters {
  private readonly list: unknown[] = [];

  /** Adds a value; answers its placeholder (`$3`, or `$3::jsonb` with a cast). */
  add(value: unknown, cast?: string): string {
    this.list.push(value);
    return cast ? `$${this.list.length}::${cast}` : `$${this.list.length}`;
  }

  get values(): readonly unknown[] {
    return this.list;
  }
}

/**
 * A part of a change made in one statement: the body of a data-modifying CTE that runs only
 * when `gate`, the CTE of the change itself, yields a row (the change happened).
 */
export type StatementPart = (parameters: StatementParameters, gate: string) => string;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A name (a CTE's, say) built into SQL text: refused unless it is a plain identifier. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}
