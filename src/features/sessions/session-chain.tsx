// A session's credential chain as a small left-to-right graph: the origin principal first, each hop labelled
// with how it got its credentials (AssumeRole, a console sign-in…) and the event that issued them. When the
// chain leaves the store, a dashed first node says so. An ordered list, so screen readers read it in order.
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import {
  borderRadiusContainer,
  colorBorderDividerDefault,
  colorBorderStatusWarning,
  colorTextBodySecondary,
  spaceScaledS,
  spaceScaledXs,
} from '@cloudscape-design/design-tokens';
import { hrefs } from '@/components/hrefs';
import { PivotLink } from '@/components/pivot-link';
import { useFollow } from '@/components/use-follow';
import { OUTSIDE_LOGS, type Resolution } from '@/domain/identity-resolution';
import { PRINCIPAL_KIND_LABELS, shortSessionId } from './principal-labels';

const node = (dashed: boolean) => ({
  border: `2px ${dashed ? 'dashed' : 'solid'} ${dashed ? colorBorderStatusWarning : colorBorderDividerDefault}`,
  borderRadius: borderRadiusContainer,
  padding: `${spaceScaledXs} ${spaceScaledS}`,
  minWidth: 160,
  maxWidth: 280,
  overflowWrap: 'anywhere' as const,
});

const list = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexWrap: 'wrap' as const,
  alignItems: 'center',
  gap: spaceScaledXs,
};

/**
 * Whether a hop before the last is a session in the store worth linking. An Identity Center user's hop is
 * not: it stands for the person, whose sign-in is not a CloudTrail session of this account.
 */
const hasOwnSession = (resolution: Resolution, index: number) =>
  index < resolution.chain.length - 1 && resolution.chain[index + 1]?.via !== 'IdentityCenter';

export function SessionChain({ resolution }: { resolution: Resolution }) {
  const follow = useFollow();
  return (
    <ol aria-label="Credential chain" style={list}>
      {resolution.outsideLogs && (
        <li style={{ display: 'flex', alignItems: 'center', gap: spaceScaledXs }}>
          <div style={node(true)}>
            <Box variant="small" color="text-status-warning">
              Outside these logs
            </Box>
            <div>An identity {OUTSIDE_LOGS.replace('assumed by an identity ', '')}</div>
          </div>
          <Arrow label="issued" />
        </li>
      )}
      {resolution.chain.map((step, index) => (
        <li
          key={`${step.sessionId}-${index}`}
          style={{ display: 'flex', alignItems: 'center', gap: spaceScaledXs }}
        >
          {index > 0 && (
            <Arrow label={step.via ?? 'issued'}>
              {step.issuedBy && (
                <Link
                  href={hrefs.event(step.issuedBy)}
                  onFollow={follow}
                  variant="secondary"
                  fontSize="body-s"
                >
                  event
                </Link>
              )}
            </Arrow>
          )}
          <div style={node(false)}>
            <Box variant="small" color="text-body-secondary">
              {PRINCIPAL_KIND_LABELS[step.principal.kind]}
              {index === 0 && !resolution.outsideLogs ? ' (origin)' : ''}
            </Box>
            <div>
              <PivotLink kind="arn" value={step.principal.arn ?? step.principal.name}>
                {step.principal.name}
              </PivotLink>
            </div>
            {step.via === 'ConsoleLogin' && index === 0 && (
              <Box variant="small" color="text-body-secondary">
                Console sign-in
              </Box>
            )}
            {hasOwnSession(resolution, index) && (
              <Box variant="small">
                Session{' '}
                <PivotLink kind="session" value={step.sessionId}>
                  {shortSessionId(step.sessionId)}
                </PivotLink>
              </Box>
            )}
            {step.match === 'name-and-time' && (
              <Box variant="small" color="text-body-secondary">
                Matched by role session name and time
              </Box>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

function Arrow({ label, children }: { label: string; children?: React.ReactNode }) {
  return (
    <span
      style={{
        display: 'inline-flex',
        flexDirection: 'column',
        alignItems: 'center',
        color: colorTextBodySecondary,
      }}
    >
      <Box variant="small" color="text-body-secondary">
        {label}
      </Box>
      <span aria-hidden="true">⟶</span>
      {children}
    </span>
  );
}
