import { createClient, fetchExchange } from '@urql/vue';
import { createMemoryHistory, createRouter } from 'vue-router';

export type Responder = (operationName: string, variables: Record<string, unknown>) => { data?: unknown; errors?: unknown[] };

/**
 * A real urql client whose `fetch` answers from the test: pages run their actual operations, and
 * the test sees every request (operation name and variables) it would have sent to the API.
 */
export function mockClient(respond: Responder) {
  const calls: { operationName: string; variables: Record<string, unknown> }[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { operationName: string; variables?: Record<string, unknown> };
    const variables = body.variables ?? {};
    calls.push({ operationName: body.operationName, variables });
    return new Response(JSON.stringify(respond(body.operationName, variables)), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const client = createClient({ url: 'http://sipedaki.test/graphql', preferGetMethod: false, requestPolicy: 'network-only', exchanges: [fetchExchange], fetch: fetch as typeof globalThis.fetch });
  return { client, calls, count: (name: string) => calls.filter((c) => c.operationName === name).length };
}

/** The admin routes AdminNav links to, each an empty page. */
export function adminRouter() {
  const Empty = { render: () => null };
  const names = ['admin-users', 'admin-acting', 'admin-holidays', 'admin-bidang', 'admin-indicators', 'admin-office', 'admin-letterhead', 'admin-api-tokens', 'admin-webhooks'];
  return createRouter({ history: createMemoryHistory(), routes: names.map((name) => ({ path: `/${name}`, name, component: Empty })) });
}
