// The `Database` interface that every kysely query compiles against. Tables are added by
// the migrations in ./migrations; keep this file in step with them.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the filing-database migrations
export interface Database {}
