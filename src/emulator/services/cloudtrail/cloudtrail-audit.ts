// CloudTrail's own calls as CloudTrail records them: members in lowerCamelCase (CreateTrail writes
// {"name", "s3BucketName", "isMultiRegionTrail", …}); LookupEvents' times as dates, not epoch seconds.
import { auditObject, javaDate } from '../../audit/audit-case';
import type { AuditMapper } from '../service';

const TIME_MEMBERS = ['StartTime', 'EndTime', 'StartEventTime', 'EndEventTime'];

export const cloudTrailAudit: AuditMapper = {
  requestParameters(_operation, input) {
    const copy: Record<string, unknown> = { ...input };
    for (const member of TIME_MEMBERS) {
      const value = copy[member];
      if (typeof value === 'number') copy[member] = javaDate(value * 1000);
    }
    return auditObject(copy);
  },
};
