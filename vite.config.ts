/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const FEATURE_NOTIFICATIONS_DRAWER = '../drawer/feature-notifications-drawer-content';
const LAZY_FEATURE_NOTIFICATIONS_DRAWER = '\0lazy-feature-notifications-drawer';

/**
 * Cloudscape's AppLayout imports the drawer of runtime "feature notifications" (a plugin API this app never
 * calls) statically, and with it Cloudscape's sortable List and dnd-kit (~15 KB gzip on the first page).
 * This loads that drawer only if a feature notification is ever registered. If Cloudscape moves the
 * module, nothing breaks: the import resolves as usual and the bundle budget (`npm run bench`) shows it.
 */
function lazyFeatureNotificationsDrawer(): Plugin {
  let drawer: string | undefined;
  return {
    name: 'trailview:lazy-feature-notifications-drawer',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== FEATURE_NOTIFICATIONS_DRAWER) return null;
      if (!importer?.includes('/app-layout/visual-refresh-toolbar/state/')) return null;
      drawer = (await this.resolve(source, importer, { ...options, skipSelf: true }))?.id;
      return drawer ? LAZY_FEATURE_NOTIFICATIONS_DRAWER : null;
    },
    load(id) {
      if (id !== LAZY_FEATURE_NOTIFICATIONS_DRAWER || !drawer) return null;
      return `import { createElement, lazy, Suspense } from 'react';
const load = () => import(${JSON.stringify(drawer)});
const Drawer = lazy(load);
const Part = lazy(() => load().then((module) => ({ default: module.RuntimeContentPart })));
const suspended = (component) => (props) => createElement(Suspense, { fallback: null }, createElement(component, props));
export default suspended(Drawer);
export const RuntimeContentPart = suspended(Part);
`;
    },
  };
}

// Two builds from one source: `dist/` for the local server and the AWS proxy (no emulator inside),
// `dist-demo/` for the static demo, where the MSW worker answers /aws with the in-browser emulator.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), lazyFeatureNotificationsDrawer()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // Cloudscape's messages (i18n/messages/all.en) are precompiled ICU ASTs, so intl-messageformat never
      // parses a string: FormatJS's no-parser build drops the parser from the first page
      // (https://formatjs.github.io/docs/guides/performance, "Remove the parser").
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/lib/no-parser.js',
      },
    ],
  },
  // The normal build ships no MSW worker: only the demo build has a public dir.
  publicDir: mode === 'demo' ? 'public' : false,
  build: {
    outDir: mode === 'demo' ? 'dist-demo' : 'dist',
    emptyOutDir: true,
    // .vite/manifest.json: scripts/bundle-budget.mjs computes what #/events loads from it.
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    css: false,
    server: { deps: { inline: [/@cloudscape-design/] } },
  },
}));
