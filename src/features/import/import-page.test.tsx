// The Import page against a stand-in import endpoint: files chosen, sent one by one with a progress
// bar, and the summary of all of them; other backends are told where import is available.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { emptySummary } from '@/domain/import-summary';
import type { ImportSummary } from '@/domain/import-summary';
import type { BackendMode } from '@/api/backend';
import { backendHandler, renderConsole, serveDuringTests } from '@/test/render-console';

const received: Array<string | null> = [];
let mode: BackendMode = 'local';

serveDuringTests(
  setupServer(
    backendHandler(() => ({ mode, defaultRegion: 'us-east-1' })),
    http.post('*/trailview/import', ({ request }) => {
      const file = new URL(request.url).searchParams.get('file');
      // jsdom's XMLHttpRequest does not hand a File body to MSW, so only the names are checked here; the
      // bytes are the browser's business (and the endpoint's tests').
      received.push(file);
      const summary: ImportSummary =
        file === 'b.json'
          ? {
              ...emptySummary(),
              filesRead: 1,
              eventsRead: 3,
              eventsImported: 1,
              duplicatesSkipped: 1,
              rejected: { 'no eventTime': 1 },
            }
          : { ...emptySummary(), filesRead: 1, eventsRead: 2, eventsImported: 2 };
      return HttpResponse.json(summary);
    }),
  ),
);
afterEach(() => {
  received.length = 0;
  mode = 'local';
});

const renderPage = () => renderConsole('/import');

describe('Import logs', () => {
  it('sends each chosen file to the server and sums up the import', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Import logs' })).toBeInTheDocument();
    const importButton = await screen.findByRole('button', { name: 'Import' });
    expect(importButton).toBeDisabled();
    await userEvent.upload(screen.getByLabelText('Choose files'), [
      new File(['{"Records":[1]}'], 'a.json.gz'),
      new File(['[2]'], 'b.json'),
      new File(['{}'], '123456789012_CloudTrail-Digest_us-east-1_trail_us-east-1_20230710T120000Z.json.gz'),
    ]);
    expect(screen.getByText(/3 files chosen/)).toBeInTheDocument();
    await userEvent.click(importButton);

    expect(await screen.findByRole('heading', { name: 'Import summary' })).toBeInTheDocument();
    // The digest file is not sent: it holds no events.
    expect(received).toEqual(['a.json.gz', 'b.json']);
    expect(screen.getByText('digest file')).toBeInTheDocument();
    const counts: Array<[label: string, value: string]> = [
      ['Files read', '2'],
      ['Events imported', '3'],
      ['Duplicates skipped', '1'],
      ['Records rejected', '1'],
    ];
    for (const [label, value] of counts) {
      // KeyValuePairs: a <dt> with the label, the <dd> after it with the value.
      expect(
        screen.getByText(label, { selector: 'dt *' }).closest('dt')!.nextElementSibling,
      ).toHaveTextContent(value);
    }
    expect(screen.getByRole('cell', { name: 'no eventTime' })).toBeInTheDocument();
    expect(screen.getByText('No files chosen.')).toBeInTheDocument();
  });

  it('says where import is available when the backend is not local', async () => {
    mode = 'aws';
    renderPage();
    expect(await screen.findByText('Import needs the local backend')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();
  });
});
