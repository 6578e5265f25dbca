/**
 * Identity's tables as other contexts' statements may use them, where a join must stay in one
 * statement (DESIGN §3, issue 24): derived tables identity vouches for, which PostgreSQL
 * inlines (the plans are those of the tables themselves). Each gives an alias of the caller's
 * choosing: `JOIN ${ORGANISATION_ROWS} o ON o.id = …`. A plain read goes through
 * `PeopleDirectory` instead.
 */

/** Organisations: `id`, `code`, `name`, `updated_at`. */
export const ORGANISATION_ROWS = '(SELECT id, code, name, updated_at FROM organisations)';

/** Programmes: `id`, `name`, `description`, `open_data_licence`, `created_at`, `updated_at`. */
export const PROGRAMME_ROWS = `(SELECT id, name, description, open_data_licence, created_at,
    updated_at FROM programmes)`;

/** Tracks: `id`, `programme_id`, `name`, `position`, `updated_at`. */
export const TRACK_ROWS = '(SELECT id, programme_id, name, position, updated_at FROM tracks)';

/** People by name: `id`, `display_name`. */
export const USER_NAMES = '(SELECT id, display_name FROM users)';
