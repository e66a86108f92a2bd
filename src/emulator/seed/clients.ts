// Where calls come from: user agents, source IPs and TLS details, shaped like the real values seen in
// CloudTrail (docs/cloudtrail-facts.md#records userAgent/sourceIPAddress/tlsDetails). IPs come from the documentation
// ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and RFC 1918 for VPC-internal calls.
import type { TlsDetails } from '@/domain/record';

export const UA = {
  console: 'console.amazonaws.com',
  internal: 'AWS Internal',
  s3Console:
    '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.226-192.879.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.412-b09 java/1.8.0_412 vendor/Oracle_Corporation cfg/retry-mode/standard]',
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  cliMac:
    'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off',
  cliLinux:
    'aws-cli/2.17.28 md/awscrt#0.21.2 ua/2.0 os/linux#6.5.0-1024-aws md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off',
  cliV1Legacy: 'aws-cli/1.29.62 Python/3.8.10 Linux/5.4.0-1109-aws botocore/1.31.62',
  boto3:
    'Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.10.226-214.880.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.36',
  boto3Lambda:
    'Boto3/1.34.145 md/Botocore#1.34.145 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.145',
  sdkJsLambda:
    'aws-sdk-js/3.666.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 exec-env/AWS_Lambda_nodejs20.x m/N,E',
  sdkJsApp:
    'aws-sdk-js/3.666.0 ua/2.1 os/linux#6.1.115-126.197.amzn2023.x86_64 lang/js md/nodejs#20.18.0 m/N,E',
  sdkGo: 'aws-sdk-go-v2/1.32.2 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 m/E',
  ssmAgent: 'aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.1142.0',
  vpcCni:
    'amazon-vpc-cni-k8s/v1.18.5 aws-sdk-go-v2/1.30.3 ua/2.1 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64',
  ecsAgent: 'aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) ecs-agent/1.88.0',
  grafana:
    'Grafana/11.3.1 aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) cloudwatch.GetMetricData exec-env/grafana-cloud',
  terraform:
    'APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.78.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.5 ua/2.1 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64 m/C,E,Z',
  cdk: 'aws-cdk/2.171.1 aws-sdk-js/3.699.0 ua/2.1 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.18.1 m/E,N',
  /** The leaked key's user agent: an old CLI on a Kali box, a classic tell (GuardDuty PenTest findings). */
  kali: 'aws-cli/1.22.34 Python/3.9.16 Linux/6.5.0-kali3-amd64 botocore/1.24.21',
  pacu: 'Boto3/1.26.90 Python/3.11.2 Linux/6.5.0-kali3-amd64 Botocore/1.29.90',
} as const;

export const IPS = {
  /** The office NAT and engineers working from home or VPN. */
  office: ['203.0.113.24', '203.0.113.57'],
  home: ['198.51.100.14', '198.51.100.33', '198.51.100.71', '203.0.113.140'],
  /** GitHub-hosted runners and the legacy Jenkins box. */
  ci: ['192.0.2.17', '192.0.2.44', '192.0.2.91', '192.0.2.108'],
  jenkins: ['192.0.2.40'],
  /** NAT gateways of the shop's VPC: instances, Lambda functions and containers egress here. */
  nat: ['198.51.100.201', '198.51.100.202', '198.51.100.203'],
  /** Private addresses for calls through interface VPC endpoints. */
  vpc: ['10.20.1.87', '10.20.2.143', '10.20.3.36', '10.20.1.201'],
  grafana: ['192.0.2.230'],
  /** Where the leaked key is used from; nobody in the company has used it before. */
  attacker: ['203.0.113.250'],
  /** Password-spraying sources seen by the sign-in page. */
  spray: ['198.51.100.166', '192.0.2.199', '203.0.113.201'],
} as const;

const tlsCache = new Map<string, TlsDetails>();

/** Shared TLS details per host: most SDKs negotiate TLS 1.3; older clients TLS 1.2. */
export function tlsFor(host: string, legacy = false): TlsDetails {
  const key = legacy ? `1.2|${host}` : host;
  let tls = tlsCache.get(key);
  if (!tls) {
    tls = legacy
      ? { tlsVersion: 'TLSv1.2', cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256', clientProvidedHostHeader: host }
      : { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: host };
    tlsCache.set(key, tls);
  }
  return tls;
}
