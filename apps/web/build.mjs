// Placeholder build: copies the static page to dist/ so the API can serve it on its port.
// The Vue SPA (vite + urql) replaces this in its own issue.
import fs from 'node:fs';
fs.mkdirSync(new URL('./dist/', import.meta.url), { recursive: true });
fs.copyFileSync(new URL('./public/index.html', import.meta.url), new URL('./dist/index.html', import.meta.url));
