-- The runtime role the API and the worker connect as (README "Database roles"): a plain login
-- role that owns nothing. Run by docker-compose's `postgres-roles` service as the owner on
-- every `up`, so it also appears in a volume made before it existed:
--
--   psql -v role=tracker_app -v password=… -f runtime-role.sql
--
-- Its privileges are not granted here: the migrations grant them (grant_runtime_privileges).
\set ON_ERROR_STOP on
SELECT format('CREATE ROLE %I', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              :'role', :'password') \gexec
