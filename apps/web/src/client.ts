import { cacheExchange, createClient, fetchExchange, mapExchange } from '@urql/vue';
import { clearSession, getToken, setViewer, useAuth } from '@/composables/use-auth';

/**
 * The GraphQL client. Relative URL: in production the API serves this SPA on its own port.
 * POST only (Apollo's CSRF protection refuses simple GETs). An UNAUTHENTICATED error anywhere
 * ends the session and sends the person to the login page; PASSWORD_CHANGE_REQUIRED sends them to
 * the password change.
 */
export function makeClient(onUnauthenticated: () => void, onPasswordChangeRequired: () => void = () => undefined) {
  return createClient({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => {
      const token = getToken();
      const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && getToken()) {
            clearSession();
            onUnauthenticated();
          } else if (error.graphQLErrors.some((e) => e.extensions?.code === 'PASSWORD_CHANGE_REQUIRED')) {
            // This session signed in with a temporary password (the stored viewer did not know yet).
            const v = useAuth().viewer.value;
            if (v && !v.mustChangePassword) setViewer({ ...v, mustChangePassword: true });
            onPasswordChangeRequired();
          }
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
