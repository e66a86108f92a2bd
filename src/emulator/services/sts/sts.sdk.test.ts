// @vitest-environment node
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { TEST_ACCOUNT } from '@/test/records';
import { TEST_CREDENTIALS, TEST_ENDPOINT, useEmulatorServer } from '@/test/sdk';
import { createEmulator } from '../../handler';
import { createAccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';

const store = new MemoryEventStore();
useEmulatorServer(() => createEmulator({ store, state: createAccountState(TEST_ACCOUNT) }));

describe('STS GetCallerIdentity through the SDK', () => {
  it('names the account and the identity the console acts as, and is recorded', async () => {
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: TEST_ENDPOINT,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out).toMatchObject({
      Account: TEST_ACCOUNT,
      Arn: `arn:aws:iam::${TEST_ACCOUNT}:user/console-admin`,
    });
    expect(out.UserId).toMatch(/^AIDA/);
    const page = await store.lookup({
      region: 'us-east-1',
      insight: false,
      attribute: { key: 'EventName', value: 'GetCallerIdentity' },
      limit: 5,
    });
    expect(page.events[0]?.eventSource).toBe('sts.amazonaws.com');
    expect(page.events[0]?.readOnly).toBe('true');
  });
});
