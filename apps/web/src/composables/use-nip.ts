import { computed, type Ref } from 'vue';
import { parseNip, formatNip } from '@sipedaki/sop';

/** Client-side NIP check with the SOP package's rules (the server checks again). Empty is allowed. */
export function useNip(value: Ref<string>) {
  const result = computed(() => (value.value.trim() === '' ? null : parseNip(value.value)));
  return {
    /** i18n key of the problem, or null. */
    errorKey: computed(() => (result.value && !result.value.ok ? `nip.${result.value.reason}` : null)),
    normalized: computed(() => (result.value?.ok ? result.value.value.nip : null)),
    pretty: computed(() => (result.value?.ok ? formatNip(result.value.value.nip) : value.value)),
  };
}
