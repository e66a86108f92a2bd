// #/trails/create: the wizard, once the account id (for the default bucket name) is known.
import Spinner from '@cloudscape-design/components/spinner';
import { useQuery } from '@tanstack/react-query';
import { accountQueries } from '@/api/account-queries';
import { trailQueries } from '@/api/trail-queries';
import { parseTrailArn } from '@/domain/trail-name';
import { useSettings } from '@/components/settings';
import { CreateTrailWizard } from './create-trail-wizard';

export function CreateTrailPage() {
  const { settings } = useSettings();
  const account = useQuery(accountQueries.id(settings.region));
  const trails = useQuery(trailQueries.list(settings.region));
  if (account.isPending) return <Spinner size="large" />;
  const accountId = account.data ?? undefined;
  // Organizations is not emulated: an account that already manages an organization trail is taken to be
  // the management (or delegated administrator) account, the only one that sees the option (§2.1).
  const organizationAvailable = (trails.data ?? []).some(
    (t) => t.IsOrganizationTrail && t.TrailARN && parseTrailArn(t.TrailARN)?.accountId === accountId,
  );
  return (
    <CreateTrailWizard
      region={settings.region}
      accountId={accountId}
      organizationAvailable={organizationAvailable}
    />
  );
}
