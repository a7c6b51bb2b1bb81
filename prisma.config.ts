import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only for `prisma generate`; migrations are applied by the
// project's own migrator (lib/db/migrate.ts), see docs/decisions/002-migrations.md.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/anju" },
});
