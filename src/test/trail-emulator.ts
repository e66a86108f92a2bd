// The CloudTrail SDK contract tests of trails: before each test, a fresh emulator over an empty account
// with a clock the test can move, the dest a trail delivers to (made through the SDKs), and
// optionally a trail already created; the SDK clients reach it through the MSW node server.
import {
  CreateTrailCommand,
  type CloudTrailClient,
  type CreateTrailCommandInput,
  type CreateTrailCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { beforeEach } from 'vitest';
import { createEmulator, type EmulatorHandler } from '@/emulator/handler';
import { createAccountState, type AccountState } from '@/emulator/state';
import { MemoryEventStore } from '@/emulator/store/memory-event-store';
import { T0, TEST_ACCOUNT } from './records';
import { cloudTrailClient, useEmulatorServer } from './sdk';
import { createDestinations, type Destinations } from './trail-destinations';

export interface TrailEmulator {
  /** The emulator's clock, T0 at the start of each test; set it to move time on. */
  now: number;
  handle: EmulatorHandler;
  state: AccountState;
  /** The destinations made before the test (a bucket, key, topic, log group and role). */
  dest: Destinations;
  /** How many times the emulator reported a change of account state during the test. */
  changes: number;
  /** A CloudTrail client for `region` (default us-east-1). */
  ct: (region?: string) => CloudTrailClient;
  /** CreateTrail in `region`, delivering to the dest' bucket unless the input says otherwise. */
  create: (
    input: Partial<CreateTrailCommandInput> & { Name: string },
    region?: string,
  ) => Promise<CreateTrailCommandOutput>;
}

export interface TrailEmulatorOptions {
  /** Names the dest (`trail-logs-<suffix>`, …); default "east". */
  suffix?: string;
  /** A trail to create in us-east-1 before each test, delivering to the dest' bucket. */
  trail?: Partial<CreateTrailCommandInput> & { Name: string };
}

export function useTrailEmulator({ suffix = 'east', trail }: TrailEmulatorOptions = {}): TrailEmulator {
  const ct = (region = 'us-east-1') => cloudTrailClient(region);
  const emulator = {
    now: T0,
    changes: 0,
    ct,
    create: (input, region = 'us-east-1') =>
      ct(region).send(new CreateTrailCommand({ S3BucketName: emulator.dest.bucket, ...input })),
  } as TrailEmulator;
  beforeEach(async () => {
    emulator.now = T0;
    emulator.changes = 0;
    emulator.state = createAccountState(TEST_ACCOUNT);
    emulator.handle = createEmulator({
      store: new MemoryEventStore(),
      state: emulator.state,
      clock: () => emulator.now,
      onStateChange: () => emulator.changes++,
    });
    emulator.dest = await createDestinations(suffix);
    if (trail) await emulator.create(trail);
  });
  useEmulatorServer(() => emulator.handle);
  return emulator;
}
