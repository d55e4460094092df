import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { passwordProblems, PASSWORD_PROBLEM_TEXT, type PasswordProblem } from '@sipedaki/sop';

/**
 * The password policy of packages/sop, checked while the person types: the same function the
 * server runs, without the list of common passwords (the server's answer adds that check, so a
 * password this accepts may still come back as "too common").
 */
export function passwordHints(password: string, owner: { username?: string | null; nip?: string | null } = {}): PasswordProblem[] {
  return password ? passwordProblems(password, owner) : [];
}

export function usePasswordPolicy(password: Ref<string>, owner: () => { username?: string | null; nip?: string | null } = () => ({})) {
  const { locale } = useI18n();
  const problems = computed(() => passwordHints(password.value, owner()));
  const messages = computed(() => problems.value.map((p) => PASSWORD_PROBLEM_TEXT[p][locale.value === 'en' ? 'en' : 'id']));
  return { problems, messages, acceptable: computed(() => !!password.value && problems.value.length === 0) };
}
