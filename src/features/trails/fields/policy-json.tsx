import Box from '@cloudscape-design/components/box';

/** A policy document as the console shows it under Policy document: formatted JSON. */
export function PolicyJson({ policy, label }: { policy: object; label: string }) {
  return (
    <Box variant="code">
      <pre aria-label={label} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
        {JSON.stringify(policy, null, 2)}
      </pre>
    </Box>
  );
}
