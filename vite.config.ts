import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root: path.join(root, 'web'),
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist', 'web'),
    emptyOutDir: true,
    // The server's CSP allows data: fonts and images, so small assets may be inlined.
    assetsInlineLimit: 4096,
    rollupOptions: {
      output: {
        // React and the router change rarely: a separate chunk stays cached across releases.
        manualChunks: (id) => {
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          if (id.includes('node_modules/')) return 'vendor';
          return undefined;
        },
      },
      onwarn: (warning, warn) => {
        // zod ships comments Rollup cannot place; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // The web app imports the API's zod schemas from ../src.
    fs: { allow: [root] },
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
