import StatusIndicator from '@cloudscape-design/components/status-indicator';

export interface LoggingStatusProps {
  isLogging: boolean | undefined;
  loading?: boolean;
  error?: boolean;
}

/** A trail's status as the Trails list shows it: Logging or Off (from GetTrailStatus). */
export function LoggingStatus({ isLogging, loading, error }: LoggingStatusProps) {
  if (loading) return <StatusIndicator type="loading">Loading</StatusIndicator>;
  if (error || isLogging === undefined) return <StatusIndicator type="error">Unavailable</StatusIndicator>;
  return isLogging ? (
    <StatusIndicator type="success">Logging</StatusIndicator>
  ) : (
    <StatusIndicator type="stopped">Off</StatusIndicator>
  );
}
