import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { newest, useNewest } from './use-newest';

const a = (version: number, id = 's1', status = 'X') => ({ id, version, status });

describe('newest', () => {
  it.each([
    ['only fetched', a(3), null, 3],
    ['only known', null, a(3), 3],
    ['known newer (a late, older answer)', a(5), a(6), 6],
    ['fetched newer (someone else changed it)', a(7), a(6), 7],
    ['same version: the query wins (an upload changes documents, not the version)', a(6, 's1', 'fetched'), a(6, 's1', 'known'), 6],
  ])('%s', (_label, fetched, known, version) => {
    expect(newest(fetched, known)?.version).toBe(version);
  });

  it('the same version prefers the fetched copy', () => {
    expect(newest(a(6, 's1', 'fetched'), a(6, 's1', 'known'))?.status).toBe('fetched');
  });

  it('never mixes two different things', () => {
    expect(newest(a(1, 's2'), a(9, 's1'))?.id).toBe('s2');
    expect(newest(null, a(9, 's1'), 's2')).toBeNull();
    expect(newest(a(1, 's1'), null, 's2')).toBeNull();
  });
});

describe('useNewest', () => {
  it('keeps the newest copy whatever the order of the answers', () => {
    const fetched = ref<ReturnType<typeof a> | null>(a(4, 's1', 'RETURNED'));
    const { current, remember } = useNewest(fetched, () => 's1');
    remember(a(5, 's1', 'RETURNED'));
    remember(a(6, 's1', 'SUBMITTED'));
    remember(a(5, 's1', 'RETURNED')); // an older copy remembered late changes nothing
    fetched.value = a(5, 's1', 'RETURNED'); // the refetch started after the save arrives last
    expect(current.value?.status).toBe('SUBMITTED');
    fetched.value = a(7, 's1', 'ACCEPTED');
    expect(current.value?.status).toBe('ACCEPTED');
  });
});
