// npm run db:migrate — apply pending migrations to DATABASE_URL (the app also does this on first query).
import { createClient } from "@libsql/client";
import { parseEnv } from "../lib/config/env";
import { migrateDatabase } from "../lib/db/migrate";

async function main() {
  const config = parseEnv(process.env);
  if (config.DATABASE_URL.startsWith("file:")) {
    const { mkdir } = await import("node:fs/promises");
    const path = await import("node:path");
    await mkdir(path.dirname(path.resolve(config.DATABASE_URL.slice(5).split("?")[0] ?? "")), { recursive: true });
  }
  const client = createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN, timeout: 5000 });
  const applied = await migrateDatabase(client);
  client.close();
  console.log(applied === 0 ? "Database is up to date." : `Applied ${applied} migration(s).`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
