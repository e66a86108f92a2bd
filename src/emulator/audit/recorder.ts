// Self-audit (docs/architecture.md "The emulator"): every call the emulator serves is appended to the event store
// as a CloudTrail event before the response goes out, so Event history shows it at once.
import type { UserIdentity } from '@/domain/record';
import type { EventStore } from '../store/event-store';
import { buildAuditRecord, type AuditedCall } from './audit-record';
import { defaultIdentity } from './identity';

export type AuditRecorder = (call: Omit<AuditedCall, 'identity'>) => Promise<void>;

export function createAuditRecorder(store: EventStore, identity?: UserIdentity): AuditRecorder {
  return async (call) => {
    const who = identity ?? defaultIdentity(call.context.accountId, call.context.accessKeyId);
    try {
      await store.append([buildAuditRecord({ ...call, identity: who })]);
    } catch (error) {
      // The call itself succeeded or failed on its own terms; a store failure must not change its answer.
      console.error('emulator: could not record the call', error);
    }
  };
}
