// The services the emulator answers, by SigV4 signing name.
import { parseTarget, jsonCodec } from '../protocol/json';
import { queryCodec, QUERY_CONTENT_TYPE } from '../protocol/query';
import {
  CLOUDTRAIL_TARGET_PREFIX,
  cloudTrailOperations,
  type CloudTrailDeps,
} from './cloudtrail/cloudtrail-service';
import { cloudTrailAudit } from './cloudtrail/cloudtrail-audit';
import { ChannelCatalog } from './cloudtrail/lake-channels';
import {
  CLOUDTRAIL_DATA_DATA_OPERATIONS,
  CLOUDTRAIL_DATA_ROUTES,
  cloudTrailDataOperations,
} from './cloudtrail-data/cloudtrail-data-service';
import { pathBelowEndpoint } from '../protocol/rest-xml';
import { restJsonCodec } from '../protocol/rest-json';
import { IAM_ACTIONS, IAM_NAMESPACE, iamAudit, iamOperations } from './iam/iam-service';
import { KMS_TARGET_PREFIX, kmsAudit, kmsOperations } from './kms/kms-service';
import { LOGS_TARGET_PREFIX, logsAudit, logsOperations } from './logs/logs-service';
import { s3Codec } from './s3/s3-routes';
import { s3Audit } from './s3/s3-audit';
import { S3_OBJECT_OPERATIONS, s3ObjectOperations } from './s3/s3-objects';
import { s3Operations } from './s3/s3-service';
import { MemoryObjectStore, type ObjectStore } from '../objects/object-store';
import type { ServiceDefinition } from './service';
import { SNS_ACTIONS, SNS_NAMESPACE, snsAudit, snsOperations } from './sns/sns-service';
import { STS_ACTIONS, STS_NAMESPACE, stsAudit, stsOperations } from './sts/sts-service';
import type { UserIdentity } from '@/domain/record';

/** What the services need from the emulator's options. */
export type ServiceDeps = CloudTrailDeps & { identity?: UserIdentity; objects?: ObjectStore };

export function createServices(deps: ServiceDeps): Record<string, ServiceDefinition> {
  const { state } = deps;
  const objects = deps.objects ?? new MemoryObjectStore();
  // One catalog of channels for CloudTrail's channel operations and the CloudTrail Data API.
  const channels = deps.channels ?? new ChannelCatalog(deps.lake?.channels);
  return {
    cloudtrail: {
      signingName: 'cloudtrail',
      eventSource: 'cloudtrail.amazonaws.com',
      codec: jsonCodec(CLOUDTRAIL_TARGET_PREFIX),
      operations: cloudTrailOperations({ ...deps, objects, channels }),
      audit: cloudTrailAudit,
    },
    'cloudtrail-data': {
      signingName: 'cloudtrail-data',
      eventSource: 'cloudtrail-data.amazonaws.com',
      codec: restJsonCodec(CLOUDTRAIL_DATA_ROUTES),
      operations: cloudTrailDataOperations(channels),
      dataOperations: CLOUDTRAIL_DATA_DATA_OPERATIONS,
    },
    kms: {
      signingName: 'kms',
      eventSource: 'kms.amazonaws.com',
      codec: jsonCodec(KMS_TARGET_PREFIX),
      operations: kmsOperations(state),
      audit: kmsAudit(state),
    },
    logs: {
      signingName: 'logs',
      eventSource: 'logs.amazonaws.com',
      codec: jsonCodec(LOGS_TARGET_PREFIX),
      operations: logsOperations(state),
      audit: logsAudit,
    },
    sns: {
      signingName: 'sns',
      eventSource: 'sns.amazonaws.com',
      codec: queryCodec(SNS_NAMESPACE),
      operations: snsOperations(state),
      audit: snsAudit,
    },
    iam: {
      signingName: 'iam',
      eventSource: 'iam.amazonaws.com',
      codec: queryCodec(IAM_NAMESPACE),
      operations: iamOperations(state),
      audit: iamAudit,
    },
    sts: {
      signingName: 'sts',
      eventSource: 'sts.amazonaws.com',
      codec: queryCodec(STS_NAMESPACE),
      operations: stsOperations(deps.identity),
      audit: stsAudit,
    },
    s3: {
      signingName: 's3',
      eventSource: 's3.amazonaws.com',
      codec: s3Codec,
      operations: { ...s3Operations(state), ...s3ObjectOperations(state, objects) },
      audit: s3Audit(state),
      dataOperations: S3_OBJECT_OPERATIONS,
    },
  };
}

const SERVICE_BY_TARGET_PREFIX: ReadonlyMap<string, string> = new Map([
  [CLOUDTRAIL_TARGET_PREFIX, 'cloudtrail'],
  [KMS_TARGET_PREFIX, 'kms'],
  [LOGS_TARGET_PREFIX, 'logs'],
]);

/**
 * Unsigned requests name their service only by their shape: a JSON 1.1 target prefix, a Query action,
 * a CloudTrail Data path (no S3 bucket name has capitals), or else an S3 path.
 */
export async function serviceForUnsignedRequest(request: Request, url: URL): Promise<string | undefined> {
  // A target, even a malformed one, means a JSON protocol: never S3's REST-XML.
  if (request.headers.has('x-amz-target')) {
    const target = parseTarget(request.headers.get('x-amz-target'));
    return target ? SERVICE_BY_TARGET_PREFIX.get(target.prefix) : undefined;
  }
  const contentType = request.headers.get('content-type') ?? '';
  let action = url.searchParams.get('Action');
  if (!action && contentType.startsWith(QUERY_CONTENT_TYPE)) {
    action = new URLSearchParams(await request.clone().text()).get('Action');
  }
  if (action) {
    if ((SNS_ACTIONS as readonly string[]).includes(action)) return 'sns';
    if ((IAM_ACTIONS as readonly string[]).includes(action)) return 'iam';
    if ((STS_ACTIONS as readonly string[]).includes(action)) return 'sts';
    return undefined;
  }
  const path = pathBelowEndpoint(url.pathname);
  if (CLOUDTRAIL_DATA_ROUTES.some((r) => r.method === request.method && r.path === path)) {
    return 'cloudtrail-data';
  }
  return 's3';
}
