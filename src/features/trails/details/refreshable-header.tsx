// The header of a trail details table that lists what the trail delivered (log files, SNS notifications):
// its title and count, where the items come from, and Refresh.
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';

export function RefreshableHeader(props: {
  title: string;
  /** Undefined while the items load. */
  count: number | undefined;
  description: string;
  /** The Refresh button's accessible name. */
  refreshLabel: string;
  query: { isFetching: boolean; refetch: () => Promise<unknown> };
}) {
  return (
    <Header
      variant="h2"
      counter={props.count === undefined ? undefined : `(${props.count})`}
      description={props.description}
      actions={
        <Button
          iconName="refresh"
          ariaLabel={props.refreshLabel}
          loading={props.query.isFetching}
          onClick={() => void props.query.refetch()}
        />
      }
    >
      {props.title}
    </Header>
  );
}
