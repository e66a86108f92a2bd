import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';

// Demo builds answer /aws in the page (MSW worker + emulator). The dynamic import behind the build-time
// constant keeps the normal build free of MSW and the emulator; the worker must be up before the
// first query runs.
if (import.meta.env.MODE === 'demo') {
  const { startDemoWorker } = await import('./mocks/browser');
  await startDemoWorker();
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
