import { cacheExchange, createClient, fetchExchange } from '@urql/vue';
import { createMemoryHistory, createRouter } from 'vue-router';

type Answer = { data?: unknown; errors?: unknown[] };
/** May answer later (a Promise): a test can hold one answer back and let another overtake it. */
export type Responder = (operationName: string, variables: Record<string, unknown>) => Answer | Promise<Answer>;

/**
 * A real urql client whose `fetch` answers from the test: pages run their actual operations, and
 * the test sees every request (operation name and variables) it would have sent to the API.
 * `{ app: true }` builds it the way the app does (client.ts: the document cache, which refetches
 * a query when a mutation returns one of its types, and cache-and-network), so a test can see
 * what that cache does with answers arriving out of order.
 */
export function mockClient(respond: Responder, opts: { app?: boolean } = {}) {
  const calls: { operationName: string; variables: Record<string, unknown> }[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { operationName: string; variables?: Record<string, unknown> };
    const variables = body.variables ?? {};
    calls.push({ operationName: body.operationName, variables });
    return new Response(JSON.stringify(await respond(body.operationName, variables)), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = createClient({
    url: 'http://sipedaki.test/graphql',
    preferGetMethod: false,
    requestPolicy: opts.app ? 'cache-and-network' : 'network-only',
    exchanges: opts.app ? [cacheExchange, fetchExchange] : [fetchExchange],
    fetch: fetch as typeof globalThis.fetch,
  });
  return { client, calls, count: (name: string) => calls.filter((c) => c.operationName === name).length };
}

/** The admin routes AdminNav links to, each an empty page. */
export function adminRouter() {
  const Empty = { render: () => null };
  const names = ['admin-users', 'admin-acting', 'admin-holidays', 'admin-bidang', 'admin-indicators', 'admin-office', 'admin-letterhead', 'admin-api-tokens', 'admin-webhooks'];
  return createRouter({ history: createMemoryHistory(), routes: names.map((name) => ({ path: `/${name}`, name, component: Empty })) });
}
