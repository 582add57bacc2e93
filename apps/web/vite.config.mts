import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { VantResolver } from '@vant/auto-import-resolver';
import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

/**
 * The web app is served by the API at /app (SPEC §10), from dist/web. Vant (phone) and Element Plus
 * (console) are imported on demand, component by component, so the resident's filing screen does not
 * carry the console's widgets. `npm run web:dev` proxies the API to a service on :3000.
 */
/**
 * Vant's icon font names a CDN copy after its inlined one; the app must work on a closed estate network
 * and its CSP allows fonts from our own origin only, so the remote fallbacks are dropped at build time.
 */
const noRemoteFonts = {
  name: 'jinlin-no-remote-fonts',
  transform(code: string, id: string) {
    if (!id.endsWith('.css') || !code.includes('alicdn.com')) return null;
    return { code: code.replace(/,\s*url\((?:https?:)?\/\/at\.alicdn\.com[^)]*\)\s*format\([^)]*\)/g, ''), map: null };
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [
    vue(),
    noRemoteFonts,
    Components({
      dts: false,
      resolvers: [VantResolver(), ElementPlusResolver({ importStyle: 'css' })],
    }),
    // Each asset also as .br and .gz at the strongest settings, once at build time: the service sends
    // them as they are (@fastify/static's preCompressed) instead of compressing every request anew.
    compression({
      include: /\.(js|css|svg|json)$/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Vant's components, each with its own style module, made some twenty chunks of 1–5 KB for
        // the filing screen: over HTTP/1.1's six connections at a phone's round trip that is
        // several waits in a row. The phone screens' Vant is one chunk (one CSS file) instead.
        // Only Vant's own modules (not Vue, which they import and the console needs as much).
        codeSplitting: {
          groups: [{ name: 'vant', test: /node_modules[\\/](vant|@vant)[\\/]/, includeDependenciesRecursively: false }],
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      [
        '/auth',
        '/tickets',
        '/people',
        '/communities',
        '/categories',
        '/attachments',
        '/notifications',
        '/dashboards',
        '/reports',
        '/handovers',
        '/audit',
        '/webhooks',
        '/calendars',
        '/companies',
      ].map((p) => [p, 'http://127.0.0.1:3000']),
    ),
  },
});
