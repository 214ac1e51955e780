// What the API process may do in the database: read every table, and write only the
// state of export jobs. It connects as a login role in disclosure_api (API_DATABASE_URL),
// so no request, whatever it carries, can change filing data. The role is cluster-wide
// and made by a superuser (`disclosure services up` does it); the grants are per
// database, here. Tables that later migrations add are readable through the default
// privileges of the owner that runs the migrations.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclosure_api') THEN
        BEGIN
          CREATE ROLE disclosure_api NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'role disclosure_api does not exist and % may not create it', current_user
            USING HINT = 'run "disclosure services up", or as a superuser: CREATE ROLE disclosure_api NOLOGIN';
        END;
      END IF;
    END
    $$;
  `.execute(db);
  await sql`GRANT USAGE ON SCHEMA public TO disclosure_api`.execute(db);
  await sql`GRANT SELECT ON ALL TABLES IN SCHEMA public TO disclosure_api`.execute(db);
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO disclosure_api`.execute(db);
  // Export jobs: created by POST /api/v1/exports, their progress and end recorded, and
  // marked expired when their files go. Never deleted by the API.
  await sql`GRANT INSERT, UPDATE ON export_jobs TO disclosure_api`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM disclosure_api`.execute(db);
  await sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM disclosure_api`.execute(db);
  await sql`REVOKE USAGE ON SCHEMA public FROM disclosure_api`.execute(db);
}
