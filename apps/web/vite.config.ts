import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const { C2B_API_URL } = process.env;
const apiTarget = C2B_API_URL ?? 'http://localhost:3000';

// The audience shells live at the same prefixes as their APIs (/admin, /dealer, ...). A browser
// navigation asks for text/html and gets the SPA; fetches from the client ask for JSON and go to
// the server. The server's SPA fallback makes the same distinction in production.
const sharedPrefix: ProxyOptions = {
  target: apiTarget,
  bypass: (req) => (req.headers.accept?.includes('text/html') ? '/index.html' : undefined),
};
const apiOnly: ProxyOptions = { target: apiTarget };

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/auth': apiOnly,
      '/store': apiOnly,
      '/dealer': sharedPrefix,
      '/admin': sharedPrefix,
      '/factory': sharedPrefix,
      '/partner': sharedPrefix,
      '/openapi.json': apiOnly,
      '/docs': apiOnly,
      '/healthz': apiOnly,
      '/readyz': apiOnly,
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
