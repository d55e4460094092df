/**
 * Batch loaders for the fields a list shows per item (session 6, the N+1 of the request lists):
 * a page of 100 requests asked for its Bidang, completeness, analyses and canceller one request at
 * a time, i.e. 100 statements each. A field resolver asks its loader instead; the keys asked for
 * while the list's items resolve go to the service as one batch (one statement per field per page).
 *
 * The loaders live as long as one GraphQL operation: they are kept per context object (a WeakMap,
 * so the context factory in graphql/ stays as it is) and hold no cache across batches, so a
 * mutation followed by a read in one document never reads a value from before the change.
 */
import type { Actor } from '../auth/actor';
import type { RequestModel } from '../data-request/data-request.service';
import type { CompletenessRow } from '../data-request/data-request.sql';
import type { GqlContext } from './context';

/** Collects the keys asked for in one turn of the event loop and fetches them together. */
export class Batcher<K, V> {
  private queue: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      // setImmediate, not a microtask: the items of a list resolve across several promise turns
      // (graphql-js and graphql-jit both), and all of them must be in the batch.
      if (this.queue.length === 1) setImmediate(() => void this.dispatch());
    });
  }

  private async dispatch() {
    const batch = this.queue;
    this.queue = [];
    const keys = [...new Set(batch.map((b) => b.key))];
    try {
      const found = await this.fetch(keys);
      for (const b of batch) b.resolve(found.get(b.key) ?? this.missing);
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  }
}

/** The request's fields that read the database, batched per page. */
function requestLoaders(ctx: GqlContext, actor: Actor) {
  const s = ctx.services;
  // Completeness needs each request's office: the requests of a batch are kept by id.
  const requests = new Map<string, RequestModel>();
  const completeness = new Batcher((ids: string[]) => s.completeness.rowsOf(ids.map((id) => requests.get(id)!)), [] as CompletenessRow[]);
  return {
    bidang: new Batcher((ids: string[]) => s.asks.bidangOfMany(ids), []),
    analyses: new Batcher((ids: string[]) => s.analyses.forRequests(actor, ids), []),
    completenessRows(r: RequestModel) {
      requests.set(r.id, r);
      return completeness.load(r.id);
    },
    user: new Batcher((ids: string[]) => s.requests.usersById(ids), null),
  };
}
export type RequestLoaders = ReturnType<typeof requestLoaders>;

const LOADERS = new WeakMap<GqlContext, RequestLoaders>();

/** This operation's loaders (made on first use). The actor is the operation's own: one per context. */
export function loadersOf(ctx: GqlContext, actor: Actor): RequestLoaders {
  let l = LOADERS.get(ctx);
  if (!l) {
    l = requestLoaders(ctx, actor);
    LOADERS.set(ctx, l);
  }
  return l;
}
