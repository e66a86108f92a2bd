// The rules of a CloudTrail Lake custom dashboard's members (CreateDashboard, UpdateDashboard). Sources
// (under https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/): CreateDashboard (Name
// `^[a-zA-Z0-9_\-]+$`, 3–128 characters; Widgets), RequestWidget (QueryStatement, QueryParameters 1–10
// items of 1–1024 characters, ViewProperties), RefreshSchedule (Status ENABLED | DISABLED, TimeOfDay
// `^[0-9]{2}:[0-9]{2}` in UTC) and RefreshScheduleFrequency ("For custom dashboards, the following values
// are valid when the unit is HOURS: 1, 6, 12, 24"; for DAYS only 1). The messages are Trailview's: the
// API reference words none.

export const DASHBOARD_NAME_PATTERN = /^[a-zA-Z0-9_-]{3,128}$/;
export const MAX_WIDGETS = 10;
export const MAX_QUERY_PARAMETERS = 10;
export const QUERY_PARAMETER_MAX = 1024;

export type RefreshUnit = 'HOURS' | 'DAYS';
export type RefreshStatus = 'ENABLED' | 'DISABLED';

/** The refresh intervals a custom dashboard may have, by unit. */
export const REFRESH_VALUES: Readonly<Record<RefreshUnit, readonly number[]>> = {
  HOURS: [1, 6, 12, 24],
  DAYS: [1],
};
export const REFRESH_STATUSES: readonly RefreshStatus[] = ['ENABLED', 'DISABLED'];

export interface RefreshSchedule {
  Frequency?: { Unit: RefreshUnit; Value: number };
  Status?: RefreshStatus;
  TimeOfDay?: string;
}

/** A refresh schedule's members as sent: each already of its wire type, not yet checked. */
export interface RefreshScheduleInput {
  Frequency?: { Unit?: string; Value?: number };
  Status?: string;
  TimeOfDay?: string;
}

const TIME_OF_DAY = /^([0-9]{2}):([0-9]{2})$/;

export const DASHBOARD_MESSAGES = {
  name: 'Dashboard names must be 3 to 128 characters: letters, numbers, hyphens and underscores.',
  tooManyWidgets: `A dashboard can have at most ${MAX_WIDGETS} widgets.`,
  statementRequired: 'QueryStatement is required for each widget.',
  viewPropertiesRequired: 'ViewProperties is required for each widget.',
  tooManyParameters: `A widget can have at most ${MAX_QUERY_PARAMETERS} QueryParameters.`,
  parameterLength: `Each of a widget's QueryParameters must be 1 to ${QUERY_PARAMETER_MAX} characters.`,
  unitRequired: 'The refresh schedule Frequency needs both a Unit (HOURS or DAYS) and a Value.',
  unit: (unit: string) => `The refresh frequency unit ${unit} is not valid. Use HOURS or DAYS.`,
  value: (unit: RefreshUnit, value: number) =>
    unit === 'HOURS'
      ? `A dashboard can be refreshed every 1, 6, 12 or 24 hours, not every ${value}.`
      : `A dashboard can be refreshed every 1 day, not every ${value}.`,
  status: (status: string) => `The refresh schedule status ${status} is not valid. Use ENABLED or DISABLED.`,
  timeOfDay: (time: string) =>
    `The refresh TimeOfDay ${time} is not valid. Give a UTC time as HH:MM, from 00:00 to 23:59.`,
} as const;

/** Why a refresh schedule is not valid for a custom dashboard, or undefined. */
export function refreshScheduleError(schedule: RefreshScheduleInput): string | undefined {
  const frequency = schedule.Frequency;
  if (frequency) {
    if (frequency.Unit === undefined || frequency.Value === undefined) return DASHBOARD_MESSAGES.unitRequired;
    if (frequency.Unit !== 'HOURS' && frequency.Unit !== 'DAYS')
      return DASHBOARD_MESSAGES.unit(frequency.Unit);
    if (!REFRESH_VALUES[frequency.Unit].includes(frequency.Value)) {
      return DASHBOARD_MESSAGES.value(frequency.Unit, frequency.Value);
    }
  }
  if (schedule.Status !== undefined && !(REFRESH_STATUSES as readonly string[]).includes(schedule.Status)) {
    return DASHBOARD_MESSAGES.status(schedule.Status);
  }
  if (schedule.TimeOfDay !== undefined) {
    const match = TIME_OF_DAY.exec(schedule.TimeOfDay);
    // The pattern admits 25:99; a schedule runs at a real time of day.
    if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
      return DASHBOARD_MESSAGES.timeOfDay(schedule.TimeOfDay);
    }
  }
  return undefined;
}
