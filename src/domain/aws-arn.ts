// ARNs of the resources a trail refers to (reference-arns.html): the generic split and the builders the
// Create trail form and the emulator share.

export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:(.+)$/;

export function parseArn(text: string): Arn | undefined {
  const match = ARN.exec(text);
  if (!match) return undefined;
  return {
    partition: match[1]!,
    service: match[2]!,
    region: match[3]!,
    accountId: match[4] ?? '',
    resource: match[5]!,
  };
}

/** CloudTrail's CloudWatchLogsLogGroupArn form: `arn:aws:logs:<region>:<account>:log-group:<name>:*`. */
export function logGroupArn(region: string, accountId: string, name: string): string {
  return `arn:aws:logs:${region}:${accountId}:log-group:${name}:*`;
}

/** The log group a CloudWatch Logs ARN names, with or without the trailing `:*`. */
export function parseLogGroupArn(
  text: string,
): { region: string; accountId: string; name: string } | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'logs' || !arn.resource.startsWith('log-group:')) return undefined;
  const name = arn.resource.slice('log-group:'.length).replace(/:\*$/, '');
  return name ? { region: arn.region, accountId: arn.accountId, name } : undefined;
}

/** `arn:aws:iam::<account>:role/<path/>name` → the role name. */
export function parseRoleArn(text: string): { accountId: string; path: string; name: string } | undefined {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'iam' || arn.region !== '' || !arn.resource.startsWith('role/'))
    return undefined;
  const full = arn.resource.slice('role'.length);
  const slash = full.lastIndexOf('/');
  const name = full.slice(slash + 1);
  return name ? { accountId: arn.accountId, path: full.slice(0, slash + 1), name } : undefined;
}

export function snsTopicArn(region: string, accountId: string, name: string): string {
  return `arn:aws:sns:${region}:${accountId}:${name}`;
}

export function kmsKeyArn(region: string, accountId: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

export function kmsAliasArn(region: string, accountId: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${accountId}:${aliasName}`;
}

export function iamRoleArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}
