// The commercial AWS Regions, grouped and named as the console's Region selector shows them.
// Source: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html

export interface AwsRegion {
  code: string;
  name: string;
}

export interface AwsRegionGroup {
  area: string;
  regions: AwsRegion[];
}

export const AWS_REGION_GROUPS: AwsRegionGroup[] = [
  {
    area: 'United States',
    regions: [
      { code: 'us-east-1', name: 'US East (N. Virginia)' },
      { code: 'us-east-2', name: 'US East (Ohio)' },
      { code: 'us-west-1', name: 'US West (N. California)' },
      { code: 'us-west-2', name: 'US West (Oregon)' },
    ],
  },
  {
    area: 'Asia Pacific',
    regions: [
      { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
      { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
      { code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
      { code: 'ap-east-2', name: 'Asia Pacific (Taipei)' },
      { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
      { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
      { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
      { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
      { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
      { code: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
      { code: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)' },
      { code: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)' },
      { code: 'ap-southeast-6', name: 'Asia Pacific (New Zealand)' },
      { code: 'ap-southeast-7', name: 'Asia Pacific (Thailand)' },
    ],
  },
  {
    area: 'Canada',
    regions: [
      { code: 'ca-central-1', name: 'Canada (Central)' },
      { code: 'ca-west-1', name: 'Canada West (Calgary)' },
    ],
  },
  {
    area: 'Europe',
    regions: [
      { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
      { code: 'eu-central-2', name: 'Europe (Zurich)' },
      { code: 'eu-west-1', name: 'Europe (Ireland)' },
      { code: 'eu-west-2', name: 'Europe (London)' },
      { code: 'eu-west-3', name: 'Europe (Paris)' },
      { code: 'eu-south-1', name: 'Europe (Milan)' },
      { code: 'eu-south-2', name: 'Europe (Spain)' },
      { code: 'eu-north-1', name: 'Europe (Stockholm)' },
    ],
  },
  { area: 'Mexico', regions: [{ code: 'mx-central-1', name: 'Mexico (Central)' }] },
  { area: 'South America', regions: [{ code: 'sa-east-1', name: 'South America (São Paulo)' }] },
  { area: 'Africa', regions: [{ code: 'af-south-1', name: 'Africa (Cape Town)' }] },
  {
    area: 'Middle East',
    regions: [
      { code: 'il-central-1', name: 'Israel (Tel Aviv)' },
      { code: 'me-south-1', name: 'Middle East (Bahrain)' },
      { code: 'me-central-1', name: 'Middle East (UAE)' },
    ],
  },
];

export const AWS_REGIONS: AwsRegion[] = AWS_REGION_GROUPS.flatMap((group) => group.regions);

export function isAwsRegion(code: string): boolean {
  return AWS_REGIONS.some((region) => region.code === code);
}

/** "US East (N. Virginia)" for a known code; the code itself otherwise. */
export function regionName(code: string): string {
  return AWS_REGIONS.find((region) => region.code === code)?.name ?? code;
}
