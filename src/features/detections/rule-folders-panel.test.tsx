// The console setting for where rules come from: the server's --rules folders are listed read-only, and turning
// one off asks the server to leave it out by its name (the server matches it against its own list).
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { DetectionsReport } from '@/domain/detections/report';
import { createTestServer } from '@/mocks/node';
import { createTestEmulator } from '@/test/emulator';
import { backendHandler, renderConsole, serveDuringTests } from '@/test/render-console';

const FOLDER = 'sigma/rules/cloud/aws';
const asked: string[][] = [];

serveDuringTests(
  createTestServer(
    createTestEmulator().handle,
    backendHandler(() => ({ mode: 'local', defaultRegion: 'us-east-1' })),
    http.get('*/trailview/detections', ({ request }) => {
      const skip = new URL(request.url).searchParams.getAll('skip');
      asked.push(skip);
      const report: DetectionsReport = {
        hits: [],
        problems: [],
        rules: 58,
        scanned: 0,
        ms: 0,
        catalog: [],
        events: [],
        ruleFolders: [{ folder: FOLDER, used: !skip.includes(FOLDER) }],
      };
      return HttpResponse.json(report);
    }),
  ),
);

describe('Rule sources on the Detections page', () => {
  it('lists the server folders and turns one off by name', async () => {
    const { user } = renderConsole('/detections');
    expect(await screen.findByRole('heading', { name: 'Rule sources' }, { timeout: 20_000 })).toBeVisible();
    expect(screen.getByRole('checkbox', { name: 'Trailview rule pack' })).toBeDisabled();
    const folder = screen.getByRole('checkbox', { name: FOLDER });
    expect(folder).toBeChecked();

    await user.click(folder);
    expect(await screen.findByRole('checkbox', { name: FOLDER })).not.toBeChecked();
    expect(asked.at(-1)).toEqual([FOLDER]);
    expect(JSON.parse(localStorage.getItem('trailview.skippedRuleFolders') ?? '[]')).toEqual([FOLDER]);
  });
});
