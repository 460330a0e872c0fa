import { call } from './http';

const PAGE = 200;

/** Every key the caller can see, revoked and disabled ones included, following the cursor. */
export async function listAllKeys(
  baseUrl: string,
  auth: string,
): Promise<Record<string, unknown>[]> {
  const keys: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const query = `include_revoked=true&include_disabled=true&limit=${PAGE}`;
    const page: {
      status: number;
      body: { data: Record<string, unknown>[]; next_cursor: string | null };
    } = await call(baseUrl, 'GET', `/api/v1/keys?${query}${cursor ? `&cursor=${cursor}` : ''}`, {
      auth,
    });
    if (page.status !== 200) throw new Error(`listing keys answered ${page.status}`);
    keys.push(...page.body.data);
    cursor = page.body.next_cursor;
  } while (cursor !== null);
  return keys;
}
