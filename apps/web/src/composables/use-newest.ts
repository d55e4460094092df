import { computed, shallowRef, type Ref } from 'vue';

/** Anything the API versions: every change of it adds one to `version` (optimistic concurrency). */
export interface Versioned {
  id: string;
  version: number;
}

/**
 * The newer of two copies of the same thing: `known` (what a mutation of this page returned) only
 * wins while it is strictly newer than `fetched` (what the query last answered). A copy of another
 * thing than `id` never counts.
 */
export function newest<T extends Versioned>(fetched: T | null | undefined, known: T | null | undefined, id?: string): T | null {
  const f = fetched && (id === undefined || fetched.id === id) ? fetched : null;
  const k = known && (id === undefined || known.id === id) && (!f || known.id === f.id) ? known : null;
  if (!k) return f;
  if (!f) return k;
  return k.version > f.version ? k : f;
}

/**
 * A query's result that a late answer cannot take back in time. urql's document cache refetches a
 * query when a mutation returns one of its types; a refetch started by one mutation (saving the
 * draft) may be read by the server before the next mutation (sending it) commits and still arrive
 * after it — and the page then showed the older copy ("Dikembalikan", editable) under "Data
 * terkirim.". Remember what each mutation returned; the page shows whichever copy is newer by
 * `version`, so the order in which answers arrive no longer matters.
 */
export function useNewest<T extends Versioned>(fetched: Ref<T | null | undefined>, id: () => string) {
  const known = shallowRef<T | null>(null);
  const current = computed<T | null>(() => newest(fetched.value, known.value, id()));
  function remember(copy: T) {
    const k = known.value;
    if (!k || k.id !== copy.id || copy.version >= k.version) known.value = copy;
  }
  return { current, remember };
}
