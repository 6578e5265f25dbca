/** The changed fields of an event: old and new value per field; absent on create or delete. */
export type AuditChanges = Record<string, { old?: unknown; new?: unknown }>;

type Snapshot = object;

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

/** The fields of `fields` that differ between `before` and `after`; undefined if none do. */
export function changedFields<T extends Snapshot>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): AuditChanges | undefined {
  const changes: AuditChanges = {};
  for (const field of fields) {
    if (!same(before[field], after[field])) {
      changes[field] = { old: plain(before[field]), new: plain(after[field]) };
    }
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

/** A created resource: every listed field with its new value. */
export function createdFields<T extends Snapshot>(
  after: T,
  fields: readonly (keyof T & string)[],
): AuditChanges {
  return Object.fromEntries(fields.map((field) => [field, { new: plain(after[field]) }]));
}

/** A deleted resource: every listed field with the value it had. */
export function deletedFields<T extends Snapshot>(
  before: T,
  fields: readonly (keyof T & string)[],
): AuditChanges {
  return Object.fromEntries(fields.map((field) => [field, { old: plain(before[field]) }]));
}
