/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

const api = process.env.SIPEDAKI_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [vue(), precompress()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    // vue-i18n: messages are plain strings compiled at runtime (JIT); no legacy API.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
  },
  // In production the API serves dist/ on its own port; in dev, Vite forwards to it.
  server: { proxy: { '/graphql': api, '/api': api } },
  build: { target: 'es2022', sourcemap: false },
  test: {
    environment: 'happy-dom',
    // vitest's 5 s default is for one test's own work; on a loaded 2-core machine mounting a page
    // in happy-dom can take longer. No test asserts a duration.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    include: ['src/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
