// The Insights list over a demo account that is still filling its older days: the page shows it is
// loading until the Insights are analysed, never the advice to enable Insights before the answer is in.
import { screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { createDemoEmulator, type DemoEmulator } from '@/emulator/demo';
import { emulatorServer, renderConsole } from '@/test/render-console';

let demo: DemoEmulator;
emulatorServer((request, meta) => demo.handle(request, meta));

it('shows the loading state, not the empty state, until the demo is analysed', async () => {
  // Made here, not when the file loads: the page must ask while the days are being filled.
  demo = createDemoEmulator({ now: new Date('2026-11-21T14:00:00Z'), days: 30 });
  let analysed = false;
  void demo.ready.then(() => (analysed = true));
  let sawEmpty = false;
  const observer = new MutationObserver(() => {
    if (document.body.textContent?.includes('No Insights events')) sawEmpty = true;
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  try {
    renderConsole('/insights');
    expect(await screen.findByText('Loading Insights events')).toBeInTheDocument();
    expect(analysed).toBe(false);
    expect(await screen.findByRole('link', { name: 'SendCommand' }, { timeout: 60_000 })).toBeInTheDocument();
  } finally {
    observer.disconnect();
  }
  expect(sawEmpty).toBe(false);
}, 90_000);
