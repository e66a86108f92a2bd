// Trail naming rules, shared by the Create trail form and the emulator's InvalidTrailNameException.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-trail-naming-requirements.html
// (docs/cloudtrail-facts.md#create-trail-and-trail-details "Trail name").

export const TRAIL_NAME_MIN = 3;
export const TRAIL_NAME_MAX = 128;

const ALLOWED = /^[A-Za-z0-9._-]+$/;
const ALNUM = /[A-Za-z0-9]/;
const ADJACENT_PUNCTUATION = /[._-]{2}/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The first rule a name breaks, as a sentence that says how to fix it; undefined when valid. */
export function trailNameError(name: string): string | undefined {
  if (name.length < TRAIL_NAME_MIN || name.length > TRAIL_NAME_MAX) {
    return `Trail names must be between ${TRAIL_NAME_MIN} and ${TRAIL_NAME_MAX} characters.`;
  }
  if (!ALLOWED.test(name)) {
    return 'Trail names can contain only ASCII letters (a-z, A-Z), numbers (0-9), periods (.), underscores (_), or dashes (-).';
  }
  // CloudTrail's own words for these two (InvalidTrailNameException, observed).
  if (!ALNUM.test(name[0]!)) return 'Trail name must start with a letter or number';
  if (!ALNUM.test(name[name.length - 1]!)) return 'Trail name must end with a letter or number';
  if (ADJACENT_PUNCTUATION.test(name)) {
    return 'Trail names cannot have adjacent periods, underscores or dashes, such as my-_namespace or my--namespace.';
  }
  if (IP_ADDRESS.test(name)) {
    return 'Trail names cannot be in IP address format, such as 192.168.5.4.';
  }
  return undefined;
}

/** `arn:aws:cloudtrail:<region>:<12 digits>:trail/<name>` (AWS CLI validate-logs pattern, docs/cloudtrail-facts.md#trails). */
export const TRAIL_ARN = /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\d{12}):trail\/(.+)$/;

export function parseTrailArn(arn: string): { region: string; accountId: string; name: string } | undefined {
  const match = TRAIL_ARN.exec(arn);
  if (!match) return undefined;
  return { region: match[1]!, accountId: match[2]!, name: match[3]! };
}
