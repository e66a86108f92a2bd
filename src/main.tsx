import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createAppRouter, loadCurrentRouteChunks } from './app/router';

const router = createAppRouter();

// Demo builds answer /aws in the page (MSW worker + emulator). The dynamic import behind the build-time
// constant keeps the normal build free of MSW and the emulator; the worker must be up before the
// first query runs. The first page's code is fetched meanwhile: once the worker controls the page, every
// file the page asks for waits for a round trip through this (busy) thread (`npm run bench`,
// ui.first_rows_ms).
if (import.meta.env.MODE === 'demo') {
  // A failure here is the router's to report when it renders the page.
  loadCurrentRouteChunks(router).catch(() => undefined);
  const { startDemoWorker } = await import('./mocks/browser');
  await startDemoWorker();
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App router={router} />
  </StrictMode>,
);
