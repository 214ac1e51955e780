-- The service's roles, cluster-wide, made by a superuser with psql (it uses psql's
-- variables and \gexec). One file for both ways of running the stores:
--   - `disclosure services up` (scripts/services.sh) runs it with the roles of the
--     configuration: -v owner_user=... -v owner_password=... (DATABASE_URL's) and
--     -v reader_user=... -v reader_password=... (API_DATABASE_URL's);
--   - docker-compose.yml mounts it into the postgres container's
--     /docker-entrypoint-initdb.d, which runs it with no variables on the first start:
--     the owner is then POSTGRES_USER (made by the image) and the reader takes the
--     defaults below, the user and password of the compose file's API_DATABASE_URL.
-- Idempotent: a role is created when missing and its attributes, password and membership
-- are set on every run, so a second run changes nothing and a changed password follows.
--
-- disclosure_api holds what the API may do; its grants on tables are per database, in
-- the migration 20261201_05_api_reader (SELECT on every table, INSERT and UPDATE on
-- export_jobs). The reader, the login role `disclosure serve` connects as, is in it and
-- has nothing of its own.
\set ON_ERROR_STOP on
-- A role already a member says so as a NOTICE on every run: not news.
SET client_min_messages = warning;
\if :{?reader_user}
\else
  \set reader_user disclosure_reader
\endif
\if :{?reader_password}
\else
  \set reader_password disclosure_reader
\endif

SELECT 'CREATE ROLE disclosure_api NOLOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclosure_api') \gexec

-- The owner: migrations, the importer and the indexer (DATABASE_URL). Only when named
-- (with owner_password): in the container the image has made it already.
\if :{?owner_user}
  SELECT format('CREATE ROLE %I LOGIN', :'owner_user')
   WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner_user') \gexec
  SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'owner_user', :'owner_password') \gexec
\endif

-- An empty reader_user: the API connects as the owner or to another server, no reader here.
SELECT :'reader_user' <> '' AS has_reader \gset
\if :has_reader
  SELECT format('CREATE ROLE %I LOGIN', :'reader_user')
   WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'reader_user') \gexec
  SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'reader_user', :'reader_password') \gexec
  SELECT format('GRANT disclosure_api TO %I', :'reader_user') \gexec
\endif
