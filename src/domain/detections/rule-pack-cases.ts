// Generated once from the rule pack's design table, then kept by hand: one record that each rule must hit
// and one it must not (issue 14: "each of the rule pack's rules has a test with a positive and a negative").
import type { CloudTrailRecord } from '../record';

export interface RuleCase {
  file: string;
  positive: Partial<CloudTrailRecord>;
  negative: Partial<CloudTrailRecord>;
}

export const RULE_CASES: RuleCase[] = [
  {
    file: 'cloudtrail-stop-logging.yml',
    positive: { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging' },
    negative: { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StartLogging' },
  },
  {
    file: 'cloudtrail-trail-deleted.yml',
    positive: { eventSource: 'cloudtrail.amazonaws.com', eventName: 'DeleteTrail' },
    negative: {
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'DeleteTrail',
      errorCode: 'TrailNotFoundException',
    },
  },
  {
    file: 'cloudtrail-management-events-excluded.yml',
    positive: {
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'PutEventSelectors',
      requestParameters: { eventSelectors: [{ includeManagementEvents: false, readWriteType: 'All' }] },
    },
    negative: {
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'PutEventSelectors',
      requestParameters: { eventSelectors: [{ includeManagementEvents: true, readWriteType: 'All' }] },
    },
  },
  {
    file: 'cloudtrail-trail-narrowed.yml',
    positive: {
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'UpdateTrail',
      requestParameters: { name: 'main', isMultiRegionTrail: false },
    },
    negative: {
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'UpdateTrail',
      requestParameters: { name: 'main', isMultiRegionTrail: true },
    },
  },
  {
    file: 'guardduty-detector-disabled.yml',
    positive: {
      eventSource: 'guardduty.amazonaws.com',
      eventName: 'UpdateDetector',
      requestParameters: { detectorId: 'd1', enable: false },
    },
    negative: {
      eventSource: 'guardduty.amazonaws.com',
      eventName: 'UpdateDetector',
      requestParameters: { detectorId: 'd1', enable: true },
    },
  },
  {
    file: 'guardduty-trusted-ip-list.yml',
    positive: {
      eventSource: 'guardduty.amazonaws.com',
      eventName: 'CreateIPSet',
      requestParameters: { format: 'TXT', activate: true },
    },
    negative: { eventSource: 'guardduty.amazonaws.com', eventName: 'ListIPSets' },
  },
  {
    file: 'guardduty-findings-archived-by-filter.yml',
    positive: {
      eventSource: 'guardduty.amazonaws.com',
      eventName: 'CreateFilter',
      requestParameters: { name: 'quiet', action: 'ARCHIVE' },
    },
    negative: {
      eventSource: 'guardduty.amazonaws.com',
      eventName: 'CreateFilter',
      requestParameters: { name: 'x', action: 'NOOP' },
    },
  },
  {
    file: 'guardduty-member-disassociated.yml',
    positive: { eventSource: 'guardduty.amazonaws.com', eventName: 'DisassociateFromAdministratorAccount' },
    negative: { eventSource: 'guardduty.amazonaws.com', eventName: 'GetAdministratorAccount' },
  },
  {
    file: 'vpc-flow-logs-deleted.yml',
    positive: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'DeleteFlowLogs',
      requestParameters: { DeleteFlowLogsRequest: { FlowLogId: { content: 'fl-1' } } },
    },
    negative: { eventSource: 'ec2.amazonaws.com', eventName: 'DescribeFlowLogs' },
  },
  {
    file: 'dns-query-logging-removed.yml',
    positive: {
      eventSource: 'route53resolver.amazonaws.com',
      eventName: 'DisassociateResolverQueryLogConfig',
    },
    negative: { eventSource: 'route53resolver.amazonaws.com', eventName: 'ListResolverQueryLogConfigs' },
  },
  {
    file: 'config-recording-stopped.yml',
    positive: { eventSource: 'config.amazonaws.com', eventName: 'StopConfigurationRecorder' },
    negative: { eventSource: 'config.amazonaws.com', eventName: 'StartConfigurationRecorder' },
  },
  {
    file: 'security-hub-disabled.yml',
    positive: { eventSource: 'securityhub.amazonaws.com', eventName: 'DisableSecurityHub' },
    negative: { eventSource: 'securityhub.amazonaws.com', eventName: 'EnableSecurityHub' },
  },
  {
    file: 'cloudwatch-log-group-deleted.yml',
    positive: {
      eventSource: 'logs.amazonaws.com',
      eventName: 'DeleteLogGroup',
      requestParameters: { logGroupName: 'aws-cloudtrail-logs' },
    },
    negative: { eventSource: 'logs.amazonaws.com', eventName: 'CreateLogGroup' },
  },
  {
    file: 'organization-left.yml',
    positive: { eventSource: 'organizations.amazonaws.com', eventName: 'LeaveOrganization' },
    negative: { eventSource: 'organizations.amazonaws.com', eventName: 'DescribeOrganization' },
  },
  {
    file: 'ebs-default-encryption-disabled.yml',
    positive: { eventSource: 'ec2.amazonaws.com', eventName: 'DisableEbsEncryptionByDefault' },
    negative: { eventSource: 'ec2.amazonaws.com', eventName: 'EnableEbsEncryptionByDefault' },
  },
  {
    file: 'mfa-device-removed.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'DeactivateMFADevice',
      requestParameters: { userName: 'a' },
    },
    negative: { eventSource: 'iam.amazonaws.com', eventName: 'EnableMFADevice' },
  },
  {
    file: 'secret-read-with-long-term-key.yml',
    positive: {
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'GetSecretValue',
      userIdentity: { type: 'IAMUser', accessKeyId: 'AKIAEXAMPLE' },
    },
    negative: {
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'GetSecretValue',
      userIdentity: { type: 'AssumedRole', accessKeyId: 'ASIAEXAMPLE' },
    },
  },
  {
    file: 'secrets-listed-and-denied.yml',
    positive: {
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'GetSecretValue',
      errorCode: 'AccessDenied',
    },
    negative: { eventSource: 'secretsmanager.amazonaws.com', eventName: 'GetSecretValue' },
  },
  {
    file: 'ssm-parameters-decrypted.yml',
    positive: {
      eventSource: 'ssm.amazonaws.com',
      eventName: 'GetParametersByPath',
      requestParameters: { path: '/', recursive: true, withDecryption: true },
    },
    negative: {
      eventSource: 'ssm.amazonaws.com',
      eventName: 'GetParametersByPath',
      requestParameters: { path: '/', withDecryption: false },
    },
  },
  {
    file: 'ec2-password-data-read.yml',
    positive: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'GetPasswordData',
      requestParameters: { instanceId: 'i-1' },
    },
    negative: { eventSource: 'ec2.amazonaws.com', eventName: 'GetConsoleOutput' },
  },
  {
    file: 'instance-credentials-imdsv1.yml',
    positive: {
      eventSource: 's3.amazonaws.com',
      eventName: 'ListBuckets',
      userIdentity: { type: 'AssumedRole', sessionContext: { ec2RoleDelivery: '1.0' } },
    },
    negative: {
      eventSource: 's3.amazonaws.com',
      eventName: 'ListBuckets',
      userIdentity: { type: 'AssumedRole', sessionContext: { ec2RoleDelivery: '2.0' } },
    },
  },
  {
    file: 'instance-credentials-offensive-tool.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'ListRoles',
      userAgent: 'aws-cli/2.15 Linux/6.5.0-kali3-amd64',
      userIdentity: { type: 'AssumedRole', sessionContext: { ec2RoleDelivery: '2.0' } },
    },
    negative: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'ListRoles',
      userAgent: 'aws-cli/2.15 Linux/6.5.0-kali3-amd64',
      userIdentity: { type: 'IAMUser' },
    },
  },
  {
    file: 'kms-key-deletion-scheduled.yml',
    positive: {
      eventSource: 'kms.amazonaws.com',
      eventName: 'ScheduleKeyDeletion',
      requestParameters: { keyId: 'k', pendingWindowInDays: 7 },
    },
    negative: { eventSource: 'kms.amazonaws.com', eventName: 'CancelKeyDeletion' },
  },
  {
    file: 'iam-user-created.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      requestParameters: { userName: 'svc' },
    },
    negative: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      requestParameters: { userName: 'svc' },
      errorCode: 'EntityAlreadyExists',
    },
  },
  {
    file: 'iam-login-profile-changed.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateLoginProfile',
      requestParameters: { userName: 'svc' },
    },
    negative: { eventSource: 'iam.amazonaws.com', eventName: 'GetLoginProfile' },
  },
  {
    file: 'iam-access-key-created.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      requestParameters: { userName: 'svc' },
    },
    negative: { eventSource: 'iam.amazonaws.com', eventName: 'ListAccessKeys' },
  },
  {
    file: 'iam-admin-policy-attached.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'AttachRolePolicy',
      requestParameters: { roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    },
    negative: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'AttachRolePolicy',
      requestParameters: { roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    },
  },
  {
    file: 'iam-trust-policy-changed.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'UpdateAssumeRolePolicy',
      requestParameters: { roleName: 'r', policyDocument: '{}' },
    },
    negative: { eventSource: 'iam.amazonaws.com', eventName: 'GetRole' },
  },
  {
    file: 'iam-trust-policy-any-principal.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'UpdateAssumeRolePolicy',
      requestParameters: {
        roleName: 'r',
        policyDocument:
          '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}',
      },
    },
    negative: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'UpdateAssumeRolePolicy',
      requestParameters: {
        roleName: 'r',
        policyDocument:
          '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}',
      },
    },
  },
  {
    file: 'lambda-code-updated.yml',
    positive: {
      eventSource: 'lambda.amazonaws.com',
      eventName: 'UpdateFunctionCode20150331v2',
      requestParameters: { functionName: 'f' },
    },
    negative: { eventSource: 'lambda.amazonaws.com', eventName: 'GetFunction20150331v2' },
  },
  {
    file: 'lambda-layer-added.yml',
    positive: {
      eventSource: 'lambda.amazonaws.com',
      eventName: 'UpdateFunctionConfiguration20150331v2',
      requestParameters: { functionName: 'f', layers: ['arn:aws:lambda:us-east-1:1:layer:x:1'] },
    },
    negative: {
      eventSource: 'lambda.amazonaws.com',
      eventName: 'UpdateFunctionConfiguration20150331v2',
      requestParameters: { functionName: 'f', timeout: 30 },
    },
  },
  {
    file: 'lambda-public-invoke.yml',
    positive: {
      eventSource: 'lambda.amazonaws.com',
      eventName: 'AddPermission20150331v2',
      requestParameters: { functionName: 'f', principal: '*', action: 'lambda:InvokeFunction' },
    },
    negative: {
      eventSource: 'lambda.amazonaws.com',
      eventName: 'AddPermission20150331v2',
      requestParameters: { functionName: 'f', principal: 's3.amazonaws.com' },
    },
  },
  {
    file: 'sts-federation-token.yml',
    positive: {
      eventSource: 'sts.amazonaws.com',
      eventName: 'GetFederationToken',
      requestParameters: { name: 'x' },
    },
    negative: { eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity' },
  },
  {
    file: 'roles-anywhere-trust-anchor.yml',
    positive: { eventSource: 'rolesanywhere.amazonaws.com', eventName: 'CreateTrustAnchor' },
    negative: { eventSource: 'rolesanywhere.amazonaws.com', eventName: 'ListTrustAnchors' },
  },
  {
    file: 'iam-saml-oidc-provider-created.yml',
    positive: { eventSource: 'iam.amazonaws.com', eventName: 'CreateSAMLProvider' },
    negative: { eventSource: 'iam.amazonaws.com', eventName: 'ListSAMLProviders' },
  },
  {
    file: 'iam-policy-version-default.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreatePolicyVersion',
      requestParameters: { policyArn: 'p', setAsDefault: true },
    },
    negative: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreatePolicyVersion',
      requestParameters: { policyArn: 'p', setAsDefault: false },
    },
  },
  {
    file: 'iam-default-policy-version-set.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'SetDefaultPolicyVersion',
      requestParameters: { policyArn: 'p', versionId: 'v1' },
    },
    negative: { eventSource: 'iam.amazonaws.com', eventName: 'ListPolicyVersions' },
  },
  {
    file: 'iam-inline-policy-all-actions.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'PutUserPolicy',
      requestParameters: {
        userName: 'u',
        policyDocument: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
      },
    },
    negative: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'PutUserPolicy',
      requestParameters: {
        userName: 'u',
        policyDocument: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
      },
    },
  },
  {
    file: 'iam-user-added-to-admin-group.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'AddUserToGroup',
      requestParameters: { groupName: 'Admins', userName: 'u' },
    },
    negative: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'AddUserToGroup',
      requestParameters: { groupName: 'Developers', userName: 'u' },
    },
  },
  {
    file: 'lambda-function-with-role-created.yml',
    positive: {
      eventSource: 'lambda.amazonaws.com',
      eventName: 'CreateFunction20150331',
      requestParameters: { functionName: 'f', role: 'arn:aws:iam::1:role/admin' },
    },
    negative: {
      eventSource: 'lambda.amazonaws.com',
      eventName: 'CreateFunction20150331',
      requestParameters: { functionName: 'f', role: 'r' },
      errorCode: 'AccessDenied',
    },
  },
  {
    file: 'ebs-snapshot-shared.yml',
    positive: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'ModifySnapshotAttribute',
      requestParameters: {
        snapshotId: 'snap-1',
        attributeType: 'CREATE_VOLUME_PERMISSION',
        createVolumePermission: { add: { items: [{ userId: '999999999999' }] } },
      },
    },
    negative: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'ModifySnapshotAttribute',
      requestParameters: {
        snapshotId: 'snap-1',
        createVolumePermission: { remove: { items: [{ userId: '999999999999' }] } },
      },
    },
  },
  {
    file: 'ami-shared.yml',
    positive: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'ModifyImageAttribute',
      requestParameters: { imageId: 'ami-1', launchPermission: { add: { items: [{ group: 'all' }] } } },
    },
    negative: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'ModifyImageAttribute',
      requestParameters: { imageId: 'ami-1', description: { value: 'x' } },
    },
  },
  {
    file: 'rds-snapshot-shared.yml',
    positive: {
      eventSource: 'rds.amazonaws.com',
      eventName: 'ModifyDBSnapshotAttribute',
      requestParameters: { attributeName: 'restore', valuesToAdd: ['all'] },
    },
    negative: {
      eventSource: 'rds.amazonaws.com',
      eventName: 'ModifyDBSnapshotAttribute',
      requestParameters: { attributeName: 'restore', valuesToRemove: ['all'] },
    },
  },
  {
    file: 'security-group-open-to-internet.yml',
    positive: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'AuthorizeSecurityGroupIngress',
      requestParameters: {
        groupId: 'sg-1',
        ipPermissions: {
          items: [
            { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } },
          ],
        },
      },
    },
    negative: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'AuthorizeSecurityGroupIngress',
      requestParameters: {
        groupId: 'sg-1',
        ipPermissions: {
          items: [
            { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }] } },
          ],
        },
      },
    },
  },
  {
    file: 's3-bucket-made-public.yml',
    positive: {
      eventSource: 's3.amazonaws.com',
      eventName: 'PutBucketPolicy',
      requestParameters: {
        bucketName: 'b',
        bucketPolicy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }] },
      },
    },
    negative: {
      eventSource: 's3.amazonaws.com',
      eventName: 'PutBucketPolicy',
      requestParameters: {
        bucketName: 'b',
        bucketPolicy: {
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject' },
          ],
        },
      },
    },
  },
  {
    file: 's3-replication-configured.yml',
    positive: {
      eventSource: 's3.amazonaws.com',
      eventName: 'PutBucketReplication',
      requestParameters: { bucketName: 'b' },
    },
    negative: { eventSource: 's3.amazonaws.com', eventName: 'GetBucketReplication' },
  },
  {
    file: 'ssm-send-command.yml',
    positive: {
      eventSource: 'ssm.amazonaws.com',
      eventName: 'SendCommand',
      requestParameters: { documentName: 'AWS-RunShellScript' },
    },
    negative: { eventSource: 'ssm.amazonaws.com', eventName: 'ListCommands' },
  },
  {
    file: 'ssm-session-started.yml',
    positive: {
      eventSource: 'ssm.amazonaws.com',
      eventName: 'StartSession',
      requestParameters: { target: 'i-1' },
    },
    negative: { eventSource: 'ssm.amazonaws.com', eventName: 'TerminateSession' },
  },
  {
    file: 'ec2-user-data-modified.yml',
    positive: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'ModifyInstanceAttribute',
      requestParameters: { instanceId: 'i-1', userData: '<sensitiveDataRemoved>' },
    },
    negative: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'ModifyInstanceAttribute',
      requestParameters: { instanceId: 'i-1', instanceType: { value: 't3.large' } },
    },
  },
  {
    file: 'ec2-gpu-or-large-instances.yml',
    positive: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'RunInstances',
      requestParameters: { instanceType: 'p4d.24xlarge' },
    },
    negative: {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'RunInstances',
      requestParameters: { instanceType: 't3.micro' },
    },
  },
  {
    file: 'attack-tool-user-agent.yml',
    positive: {
      eventSource: 'sts.amazonaws.com',
      eventName: 'GetCallerIdentity',
      userAgent: 'aws-cli/2.15.0 Python/3.11 Linux/6.6.9-amd64 exe/x86_64.kali.2024',
    },
    negative: {
      eventSource: 'sts.amazonaws.com',
      eventName: 'GetCallerIdentity',
      userAgent: 'aws-cli/2.15.0 Python/3.11 Linux/6.6.9-amd64 exe/x86_64.ubuntu.22',
    },
  },
  {
    file: 'console-login-without-mfa.yml',
    positive: {
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      userIdentity: { type: 'IAMUser' },
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { MFAUsed: 'No' },
    },
    negative: {
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      userIdentity: { type: 'IAMUser' },
      responseElements: { ConsoleLogin: 'Success' },
      additionalEventData: { MFAUsed: 'Yes' },
    },
  },
  {
    file: 'root-console-login.yml',
    positive: {
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      userIdentity: { type: 'Root' },
    },
    negative: {
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      userIdentity: { type: 'IAMUser' },
    },
  },
  {
    file: 'console-login-unknown-user.yml',
    positive: {
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      errorMessage: 'No username found in supplied account',
      responseElements: { ConsoleLogin: 'Failure' },
    },
    negative: {
      eventSource: 'signin.amazonaws.com',
      eventName: 'ConsoleLogin',
      errorMessage: 'Failed authentication',
      responseElements: { ConsoleLogin: 'Failure' },
    },
  },
  {
    file: 'iam-authorization-details-dumped.yml',
    positive: { eventSource: 'iam.amazonaws.com', eventName: 'GetAccountAuthorizationDetails' },
    negative: { eventSource: 'iam.amazonaws.com', eventName: 'GetAccountSummary' },
  },
  {
    file: 'root-api-call.yml',
    positive: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      userIdentity: { type: 'Root' },
    },
    negative: {
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateAccessKey',
      userIdentity: { type: 'IAMUser' },
    },
  },
  {
    file: 'backup-vault-or-points-deleted.yml',
    positive: { eventSource: 'backup.amazonaws.com', eventName: 'DeleteRecoveryPoint' },
    negative: { eventSource: 'backup.amazonaws.com', eventName: 'ListRecoveryPointsByBackupVault' },
  },
  {
    file: 's3-bucket-deleted.yml',
    positive: {
      eventSource: 's3.amazonaws.com',
      eventName: 'DeleteBucket',
      requestParameters: { bucketName: 'b' },
    },
    negative: {
      eventSource: 's3.amazonaws.com',
      eventName: 'DeleteBucket',
      requestParameters: { bucketName: 'b' },
      errorCode: 'BucketNotEmpty',
    },
  },
];
