import { Client } from 'pg';

/** A PostgreSQL login role and its password. */
export interface DatabaseRole {
  name: string;
  password: string;
}

/**
 * The two roles of a database (README "Database roles"): the owner runs the migrations, the
 * API and the worker connect as the runtime role, which may only read and write rows.
 */
export interface ApplicationRoles {
  owner: DatabaseRole;
  runtime: DatabaseRole;
}

/** The role names `npm start` gives its embedded PostgreSQL's owner and runtime roles. */
export const LOCAL_ROLE_NAMES = { owner: 'sbt_owner', runtime: 'sbt_app' } as const;

/** `url` with another user and password, and optionally another database. */
export function urlAs(url: string, role: DatabaseRole, database?: string): string {
  const result = new URL(url);
  result.username = encodeURIComponent(role.name);
  result.password = encodeURIComponent(role.password);
  if (database !== undefined) result.pathname = `/${encodeURIComponent(database)}`;
  return result.toString();
}

/** The role a URL logs in as (user and password); the inverse of `urlAs`. */
export function roleOf(url: string): DatabaseRole {
  const parsed = new URL(url);
  return {
    name: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/**
 * Creates the roles that are missing, and sets the password and attributes of each: plain
 * login roles, never superusers, that create neither roles nor databases.
 */
export async function ensureRoles(admin: Client, roles: DatabaseRole[]): Promise<void> {
  const { user } = (await admin.query<{ user: string }>('SELECT current_user AS user')).rows[0];
  for (const role of roles) {
    if (role.name === user) throw new Error(`refusing to alter the administrator ${user}`);
    const found = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
    await admin.query(
      `${found.rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${admin.escapeIdentifier(role.name)}
       LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
       PASSWORD ${admin.escapeLiteral(role.password)}`,
    );
  }
}

/** Drops roles made by `ensureRoles` once they own nothing any more (their databases gone). */
export async function dropRoles(admin: Client, roles: string[]): Promise<void> {
  for (const name of roles)
    await admin.query(`DROP ROLE IF EXISTS ${admin.escapeIdentifier(name)}`);
}

/**
 * Gives the database `admin` is connected to, and every table, sequence, view and function in
 * its public schema, to `owner`. A database made by an earlier, single-role start belongs to
 * the server's administrator; after this the owner role can migrate it, and no other role
 * (the runtime role included) owns anything there. Needs a superuser (or a member of both).
 */
export async function adoptDatabase(admin: Client, owner: string): Promise<void> {
  const database = (await admin.query<{ name: string }>('SELECT current_database() AS name'))
    .rows[0].name;
  await admin.query(
    `ALTER DATABASE ${admin.escapeIdentifier(database)} OWNER TO ${admin.escapeIdentifier(owner)}`,
  );
  // Sequences of a serial or identity column and indexes follow their table.
  const relations = await admin.query<{ object: string; kind: string }>(
    `SELECT c.oid::regclass::text AS object,
            CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
              WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace
        AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                           AND d.deptype IN ('a', 'i', 'e'))`,
    [owner],
  );
  const routines = await admin.query<{ object: string }>(
    `SELECT p.oid::regprocedure::text AS object
       FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace
        AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $1)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                           AND d.deptype = 'e')`,
    [owner],
  );
  const to = admin.escapeIdentifier(owner);
  for (const { object, kind } of relations.rows) {
    await admin.query(`ALTER ${kind} ${object} OWNER TO ${to}`);
  }
  for (const { object } of routines.rows)
    await admin.query(`ALTER ROUTINE ${object} OWNER TO ${to}`);
}

/**
 * Sets up both roles for the database of `adminUrl` (a superuser's connection to it): creates
 * or updates the roles and gives the database to the owner. Answers the URLs the migrations
 * (owner) and the apps (runtime role) use. The runtime role's privileges come from the
 * migrations (`grant_runtime_privileges`).
 */
export async function ensureApplicationRoles(
  adminUrl: string,
  roles: ApplicationRoles,
): Promise<{ ownerUrl: string; runtimeUrl: string }> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureRoles(admin, [roles.owner, roles.runtime]);
    await adoptDatabase(admin, roles.owner.name);
  } finally {
    await admin.end();
  }
  return { ownerUrl: urlAs(adminUrl, roles.owner), runtimeUrl: urlAs(adminUrl, roles.runtime) };
}
