import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { makeClient } from './client';
import { makeI18n, storedLocale } from './i18n';
import { makeRouter } from './router';
import './styles/main.css';
import './styles/history.css';

const router = makeRouter();
const client = makeClient(
  () => {
    const here = router.currentRoute.value;
    if (here.name !== 'login') void router.replace({ name: 'login', query: { expired: '1', next: here.fullPath } });
  },
  () => {
    if (router.currentRoute.value.name !== 'change-password') void router.replace({ name: 'change-password' });
  },
);

document.documentElement.lang = storedLocale();
createApp(App).use(makeI18n()).use(router).use(urql, client).mount('#app');
