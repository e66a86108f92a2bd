// What a Region name looks like: two letters, words, a number (us-east-1, us-gov-west-1, cn-north-1,
// ap-southeast-5, us-isob-east-1). The emulator refuses other names in a signature scope, so they never
// reach a stored event, and the aws-mode proxy never builds a host name from anything else.
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function isRegionName(value: string): boolean {
  return REGION_NAME.test(value);
}
