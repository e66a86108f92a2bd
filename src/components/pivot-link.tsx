// The one link for every user name, ARN, access key, source IP and session the console shows: each opens
// what else that value did. User names and ARNs open the identity page (every session of the principal),
// access keys and sessions the session page, IP addresses Event history refined to that address. The value
// is event data: it is rendered as text, and only ever placed in a URL encoded.
import Link from '@cloudscape-design/components/link';
import { hrefs } from './hrefs';
import { useFollow } from './use-follow';

export type PivotKind = 'user' | 'arn' | 'accessKey' | 'session' | 'ip';

const TARGETS: Record<PivotKind, (value: string) => string> = {
  user: hrefs.identity,
  arn: hrefs.identity,
  accessKey: hrefs.session,
  session: hrefs.session,
  ip: hrefs.eventsFromIp,
};

/** Values that name nobody: shown as they are, not linked. */
const EMPTY = new Set(['', '-']);

export interface PivotLinkProps {
  kind: PivotKind;
  value: string | undefined;
  /** The link text, when not the value itself (e.g. a shortened session ID). */
  children?: string;
}

export function PivotLink({ kind, value, children }: PivotLinkProps) {
  const follow = useFollow();
  if (value === undefined || EMPTY.has(value)) return <>{value || '-'}</>;
  return (
    <Link href={TARGETS[kind](value)} onFollow={follow}>
      {children ?? value}
    </Link>
  );
}
