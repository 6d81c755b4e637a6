import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** In development the console runs on vite's server and sends API calls to the server started by `npm run dev`. */
const apiServer = `http://127.0.0.1:${process.env.API_PORT ?? '4000'}`;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/graphql', '/exports', '/healthz', '/readyz'].map((path) => [path, apiServer])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), explorer: resolve(import.meta.dirname, 'explorer.html') },
    },
  },
});
