/**
 * Runs one query on the ClickHouse server behind a `clickhouse://HOST:PORT/DB` store URL,
 * through its HTTP interface, and returns the rows as TabSeparated fields: a way to see what
 * reached the server that does not go through the store under test.
 */
export async function queryClickHouse(storeUrl: string, sql: string): Promise<string[][]> {
  const url = new URL(storeUrl.replace(/^clickhouse:/, 'http:'));
  const database = encodeURIComponent(url.pathname.slice(1));
  const response = await fetch(`${url.origin}/?database=${database}`, {
    method: 'POST',
    body: `${sql} FORMAT TabSeparated`,
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`ClickHouse answered ${response.status}: ${text.slice(0, 300)}`);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}
