// Copying trail events to Lake (StartImport; cloudtrail-copy-trail-to-lake.html): where a trail's log files
// are, as an import's S3 location, and which event data stores can take the copy — stores for CloudTrail
// events (management, data or network activity events), not ones for Insights events, AWS Config items,
// Audit Manager evidence or events from outside AWS, and not one pending deletion.
import { EDS_ONLY_EVENT_CATEGORIES } from './event-selector-rules';

/** `s3://bucket/prefix/`: the import finds the `AWSLogs/<account>/CloudTrail/` folders below it. */
export function trailLogsUri(bucket: string, prefix?: string): string {
  const folder = prefix?.replace(/^\/+|\/+$/g, '');
  return `s3://${bucket}/${folder ? `${folder}/` : ''}`;
}

interface StoreLike {
  Status?: string;
  AdvancedEventSelectors?: ReadonlyArray<{
    FieldSelectors?: ReadonlyArray<{ Field?: string; Equals?: readonly string[] }>;
  }>;
}

/** Why the store cannot take a copy of trail events; undefined when it can. */
export function copyDestinationProblem(store: StoreLike): string | undefined {
  if (store.Status === 'PENDING_DELETION') return 'Pending deletion';
  const categories = (store.AdvancedEventSelectors ?? []).flatMap((selector) =>
    (selector.FieldSelectors ?? [])
      .filter((field) => field.Field === 'eventCategory')
      .flatMap((field) => field.Equals ?? []),
  );
  if (categories.some((c) => (EDS_ONLY_EVENT_CATEGORIES as readonly string[]).includes(c)))
    return 'Not an event data store for CloudTrail events';
  return undefined;
}
