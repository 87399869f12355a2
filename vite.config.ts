// The renderer is one web app for two hosts: Electron loads dist/renderer from app:// (or
// file://), and the intranet server serves the same files at its root over HTTP. Relative
// asset URLs (base './') work from both.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev:web` talks to a locally running server; override with BUREAU_DEV_SERVER.
const devServer = process.env['BUREAU_DEV_SERVER'] ?? 'http://localhost:8470';

/**
 * Lists every file of the build in asset-list.json, so the browser's offline shell (sw.js) can
 * keep the chunks loaded only on demand (the Excel writer) as well as those index.html names.
 */
function assetList(): Plugin {
  return {
    name: 'bureau-asset-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => f.startsWith('assets/'))
        .sort()
        .map((f) => `./${f}`);
      this.emitFile({ type: 'asset', fileName: 'asset-list.json', source: `${JSON.stringify(files)}\n` });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), assetList()],
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
