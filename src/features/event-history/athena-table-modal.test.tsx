// Create Athena table on Event history, against the demo account's trails through the MSW node server.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoServer, renderConsole } from '@/test/render-console';

demoServer({ now: new Date('2026-11-21T14:00:00Z'), days: 1 });

describe('Create Athena table', () => {
  it("shows the table statement for a trail's bucket, ready to copy", async () => {
    renderConsole('/events');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create Athena table' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a table in Amazon Athena' });
    const statement = await within(dialog).findByRole(
      'textbox',
      { name: 'Table statement' },
      { timeout: 10_000 },
    );
    const ddl = (statement as HTMLTextAreaElement).value;
    expect(ddl).toMatch(/^CREATE EXTERNAL TABLE cloudtrail_logs_\w+ \(/);
    expect(ddl).toMatch(/LOCATION 's3:\/\/[a-z0-9.-]+\/(.+\/)?AWSLogs\/'/);
    expect(ddl).toContain("'storage.location.template'=");
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });
});
