// The renderer is one web app for two hosts: Electron loads dist/renderer from app:// (or
// file://), and the intranet server serves the same files at its root over HTTP. Relative
// asset URLs (base './') work from both.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev:web` talks to a locally running server; override with BUREAU_DEV_SERVER.
const devServer = process.env['BUREAU_DEV_SERVER'] ?? 'http://localhost:8470';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Loaded from the local disk or the LAN, never over a metered link: one antd-sized bundle
    // is fine, and a warning about it would only be noise in the build log.
    chunkSizeWarningLimit: 3000,
  },
  server: {
    proxy: {
      '/api': devServer,
      '/socket.io': { target: devServer, ws: true },
    },
  },
});
