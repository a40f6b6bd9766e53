import { Client } from 'pg';

/** The URL of the server's maintenance database, for creating and dropping databases. */
function adminUrl(databaseUrl: string): { url: string; name: string } {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`database URL ${redact(databaseUrl)} names no database`);
  url.pathname = '/postgres';
  return { url: url.toString(), name };
}

export function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '<invalid URL>';
  }
}

export async function withClient<T>(connectionString: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named by the URL if the server does not have it yet. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const { url, name } = adminUrl(databaseUrl);
  return withClient(url, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)} encoding 'UTF8' template template0`);
    } catch (error) {
      // another process (another subgraph preparing at the same time) created it meanwhile
      if (!['42P04', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
      return false;
    }
    return true;
  });
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const { url, name } = adminUrl(databaseUrl);
  await withClient(url, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  });
}

/** True when a PostgreSQL server answers at this URL's host and port. */
export async function serverAnswers(databaseUrl: string): Promise<boolean> {
  try {
    await withClient(adminUrl(databaseUrl).url, async (client) => client.query('select 1'));
    return true;
  } catch {
    return false;
  }
}
