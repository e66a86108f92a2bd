// @vitest-environment node
import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { T0, TEST_ACCOUNT } from '@/test/records';
import { cloudTrailClient, useEmulatorServer } from '@/test/sdk';
import { createEmulator, type EmulatorHandler } from '../../handler';
import { createAccountState } from '../../state';
import { MemoryEventStore } from '../../store/memory-event-store';
import { createLookupThrottle } from './lookup-throttle';

describe('createLookupThrottle', () => {
  const refused = { name: 'ThrottlingException', message: 'Rate exceeded' };

  it('admits 2 requests per second per account and Region, on a sliding window', () => {
    const throttle = createLookupThrottle();
    throttle.admit(TEST_ACCOUNT, 'us-east-1', T0);
    throttle.admit(TEST_ACCOUNT, 'us-east-1', T0 + 400);
    expect(() => throttle.admit(TEST_ACCOUNT, 'us-east-1', T0 + 999)).toThrow(
      expect.objectContaining(refused),
    );
    // Another Region and another account have their own windows.
    throttle.admit(TEST_ACCOUNT, 'eu-west-1', T0 + 999);
    throttle.admit('444455556666', 'us-east-1', T0 + 999);
    // A second after the first request one place is free again, not two.
    throttle.admit(TEST_ACCOUNT, 'us-east-1', T0 + 1_000);
    expect(() => throttle.admit(TEST_ACCOUNT, 'us-east-1', T0 + 1_001)).toThrow(
      expect.objectContaining(refused),
    );
    throttle.admit(TEST_ACCOUNT, 'us-east-1', T0 + 1_400);
  });

  it('does not count refused requests', () => {
    const throttle = createLookupThrottle({ requests: 1, windowMs: 1_000 });
    throttle.admit(TEST_ACCOUNT, 'us-east-1', T0);
    for (let t = 1; t < 1_000; t += 100)
      expect(() => throttle.admit(TEST_ACCOUNT, 'us-east-1', T0 + t)).toThrow();
    throttle.admit(TEST_ACCOUNT, 'us-east-1', T0 + 1_000);
  });
});

describe('the throttleLookupEvents emulator option', () => {
  let now = T0;
  let handle: EmulatorHandler = createEmulator({
    store: new MemoryEventStore(),
    state: createAccountState(TEST_ACCOUNT),
    clock: () => now,
    throttleLookupEvents: true,
  });
  useEmulatorServer(() => handle);

  it('rate-limits LookupEvents without the header, and lets it through again a second later', async () => {
    const lookup = () => cloudTrailClient().send(new LookupEventsCommand({}));
    await lookup();
    await lookup();
    await expect(lookup()).rejects.toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded' });
    now += 1_000;
    await expect(lookup()).resolves.toMatchObject({ Events: expect.any(Array) });
  });

  it('is off by default', async () => {
    handle = createEmulator({
      store: new MemoryEventStore(),
      state: createAccountState(TEST_ACCOUNT),
      clock: () => T0,
    });
    for (let i = 0; i < 5; i++) {
      await expect(cloudTrailClient().send(new LookupEventsCommand({}))).resolves.toMatchObject({
        Events: expect.any(Array),
      });
    }
  });
});
