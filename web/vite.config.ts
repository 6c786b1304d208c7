import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiServer = 'http://127.0.0.1:3000';

// The web app lives in web/; it also imports shared code from src/domain (formatting).
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/docs': { target: apiServer, changeOrigin: false },
    },
  },
});
