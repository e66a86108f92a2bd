// Every service the demo account calls, by key, and a checked lookup of one API.
import { ecr } from './ecr';
import { ecs, eks } from './ecs';
import { dynamodb, rds } from './data';
import { ec2 } from './ec2';
import { cloudtrail, config } from './cloudtrail';
import { guardduty, organizations } from './governance';
import { iam } from './iam';
import { autoscaling, cloudformation } from './cloudformation';
import { elasticloadbalancing, route53 } from './networking';
import { kms } from './kms';
import { lambda } from './lambda';
import { sns, sqs } from './messaging';
import { logs } from './logs';
import { events, monitoring } from './monitoring';
import { s3 } from './s3';
import { secretsmanager } from './secretsmanager';
import { ssm } from './ssm';
import { signin, sso, sts } from './sts';
import type { ApiSpec, ServiceSpec } from './types';

export const SERVICES = {
  iam,
  sts,
  signin,
  sso,
  ec2,
  s3,
  lambda,
  dynamodb,
  rds,
  kms,
  cloudtrail,
  monitoring,
  logs,
  events,
  sns,
  sqs,
  ssm,
  secretsmanager,
  cloudformation,
  ecr,
  ecs,
  eks,
  elasticloadbalancing,
  route53,
  config,
  guardduty,
  organizations,
  autoscaling,
} satisfies Record<string, ServiceSpec>;

export type ServiceKey = keyof typeof SERVICES;

/** One API by service key and event name; throws on a typo so a bad catalog fails at start-up. */
export function api(service: ServiceKey, name: string): ApiSpec {
  const found = SERVICES[service].apis.get(name);
  if (!found) throw new Error(`The demo catalog has no ${SERVICES[service].source} ${name}.`);
  return found;
}
