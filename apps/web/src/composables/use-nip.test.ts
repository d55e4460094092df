import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useNip } from './use-nip';

describe('use-nip', () => {
  it('accepts a grouped NIP and normalises it', () => {
    const v = ref('19760822 200212 2 003');
    const nip = useNip(v);
    expect(nip.errorKey.value).toBeNull();
    expect(nip.normalized.value).toBe('197608222002122003');
    expect(nip.pretty.value).toBe('19760822 200212 2 003');
  });

  it.each([
    ['19711219 1998003 1 006', 'nip.FORMAT'],
    ['197102301998031006', 'nip.BIRTH_DATE'],
    ['197112191998131006', 'nip.APPOINTMENT_DATE'],
  ])('refuses %s (%s)', (input, key) => {
    expect(useNip(ref(input)).errorKey.value).toBe(key);
  });

  it('leaves an empty NIP alone (it is optional)', () => {
    const nip = useNip(ref(''));
    expect(nip.errorKey.value).toBeNull();
    expect(nip.normalized.value).toBeNull();
  });
});
