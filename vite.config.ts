import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const MAP_PACKAGES = /node_modules\/(world-atlas|topojson-client|d3-geo)\//;
const CHART_PACKAGES =
  /node_modules\/(recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|react-redux|redux|redux-thunk|immer|reselect|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|use-sync-external-store|clsx|react-is)\//;

const LEFT_OUT = '\0server-catalog-left-out';

/**
 * The server's catalogs (`<module>.messages.ts`) come into the web app with the API's schemas
 * that word their own problems. The app needs their English alone at load: a form shows a
 * schema's sentence in English, and `components/form/schemaWording.ts` puts it in the reader's
 * language from the catalogs it loads, as chunks of their own, with the language. So the other
 * languages a catalog module imports are left out of the bundle.
 */
function serverCatalogsInEnglishOnly(): Plugin {
  return {
    name: 'cadre:server-catalogs-in-english-only',
    enforce: 'pre',
    resolveId(source, importer) {
      return importer?.endsWith('.messages.ts') && /\/(es|fr|pt|ht)\.json$/.test(source) ? LEFT_OUT : null;
    },
    load(id) {
      return id === LEFT_OUT ? 'export default {};' : null;
    },
  };
}

export default defineConfig({
  root: path.join(root, 'web'),
  plugins: [react(), serverCatalogsInEnglishOnly()],
  build: {
    outDir: path.join(root, 'dist', 'web'),
    emptyOutDir: true,
    // The server's CSP allows data: fonts and images, so small assets may be inlined.
    assetsInlineLimit: 4096,
    // bench/first-load.ts follows the first page's routes through it.
    manifest: true,
    rollupOptions: {
      output: {
        // A catalog chunk says its language and namespace (`words-fr-auth-….js`), in the network panel and to the journeys.
        chunkFileNames: (chunk) => {
          const [, language, namespace] = /\/locales\/([a-z]{2})\/([a-z]+)\.json$/.exec(chunk.facadeModuleId ?? '') ?? [];
          return language ? `assets/words-${language}-${namespace}-[hash].js` : 'assets/[name]-[hash].js';
        },
        // React and the router change rarely: a separate chunk stays cached across releases.
        manualChunks: (id) => {
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          // The dashboard's charts and world map, and what they are drawn with, load with the
          // dashboard's charts alone rather than with every page.
          if (MAP_PACKAGES.test(id)) return 'world-map';
          if (CHART_PACKAGES.test(id)) return 'chart-library';
          // Five thousand subdivision names, for the organization form and page alone.
          if (/node_modules\/iso-3166\//.test(id)) return 'subdivisions';
          // Any other library goes with the pages that import it (forms, zod, the API's schemas),
          // so a catch-all vendor chunk does not bring every area's libraries to the first page.
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
