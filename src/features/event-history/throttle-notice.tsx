// LookupEvents is limited to 2 requests per second per account and Region (API_LookupEvents.html); when
// a call is throttled, React Query retries it with backoff (api/query-client.ts) and this says so.
import Alert from '@cloudscape-design/components/alert';
import { isThrottling } from '@/api/aws-error';

export const THROTTLE_EXPLANATION = 'CloudTrail allows 2 LookupEvents requests per second; retrying…';

export interface ThrottleNoticeProps {
  failureCount: number;
  failureReason: unknown;
  isFetching: boolean;
}

export function ThrottleNotice({ failureCount, failureReason, isFetching }: ThrottleNoticeProps) {
  if (!isFetching || failureCount === 0 || !isThrottling(failureReason)) return null;
  return (
    <Alert type="info" header="Requests are being throttled">
      {THROTTLE_EXPLANATION} Attempt {failureCount + 1}.
    </Alert>
  );
}
