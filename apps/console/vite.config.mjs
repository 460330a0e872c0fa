// Builds the console into dist/console (or CONSOLE_OUT_DIR, for tests), served by the API at /console.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const repo = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@keyledger\/client$/, replacement: repo('libs/client/src/index.ts') },
      { find: /^@keyledger\/domain\/(.*)$/, replacement: repo('libs/domain/src/$1') },
    ],
  },
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? repo('dist/console'),
    emptyOutDir: true,
    // The strict CSP allows no inline script: every chunk, however small, is a file.
    assetsInlineLimit: 0,
    // The ECharts chunk (about 545 kB) is the largest by design; any other chunk past this is news.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // ECharts and its renderer are most of the code and change least: a chunk of their own,
          // cached across deploys and fetched only by the pages that draw a chart.
          groups: [{ name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ }],
        },
      },
    },
  },
});
