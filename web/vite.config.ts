import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `vite build web` (root web/) builds into web/dist, which `tokenops start` serves at `/`;
// file names under assets/ carry content hashes.
export default defineConfig({
  plugins: [react()],
  // React and the ECharts parts used come to about 800 kB before gzip (260 kB after).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 850 },
  // `npx vite web` for work on the dashboard, against a `tokenops start` on the default port.
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
