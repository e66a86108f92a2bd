// The Attributions tab (docs/cloudtrail-facts.md#insights-console): who and what made the unusual calls, against the baseline.
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { InsightSummary } from '@/components/insight-summary';
import {
  ATTRIBUTION_TITLES,
  attributesFor,
  attributionLabel,
  attributionTable,
  averageWithShare,
  baselineTable,
  type AttributeName,
} from './attributions';

export function AttributionsTab({ insight }: { insight: InsightSummary }) {
  const attributes = attributesFor(insight.insightType);
  if (!insight.attributions?.length) {
    return <Box color="text-body-secondary">This Insights event record has no attributions.</Box>;
  }
  return (
    <SpaceBetween size="l">
      {attributes.map((attribute) => (
        <AttributionTables key={attribute} attribute={attribute} insight={insight} />
      ))}
    </SpaceBetween>
  );
}

function AttributionTables({ attribute, insight }: { attribute: AttributeName; insight: InsightSummary }) {
  const titles = ATTRIBUTION_TITLES[attribute];
  const attribution = insight.attributions?.find((candidate) => candidate.attribute === attribute) ?? {
    insight: [],
    baseline: [],
  };
  const insightTotal = insight.insightAverage ?? 0;
  const baselineTotal = insight.baselineAverage ?? 0;
  const label = (value: string, other?: true) => (other ? 'Other' : attributionLabel(attribute, value));
  return (
    <SpaceBetween size="s">
      <Table
        variant="container"
        header={<Header variant="h3">{titles.top}</Header>}
        items={attributionTable(attribution, insightTotal, baselineTotal)}
        trackBy={(row) => (row.other ? '\u0000other' : row.value)}
        wrapLines
        columnDefinitions={[
          {
            id: 'value',
            header: titles.column,
            isRowHeader: true,
            cell: (row) => label(row.value, row.other),
          },
          { id: 'insight', header: 'Insight average', cell: (row) => averageWithShare(row.insight) },
          { id: 'baseline', header: 'Baseline average', cell: (row) => averageWithShare(row.baseline) },
        ]}
        empty={<Box color="inherit">No values</Box>}
      />
      <ExpandableSection headerText={titles.baseline}>
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: titles.baseline }}
          items={baselineTable(attribution, baselineTotal)}
          trackBy={(row) => (row.other ? '\u0000other' : row.value)}
          wrapLines
          columnDefinitions={[
            {
              id: 'value',
              header: titles.column,
              isRowHeader: true,
              cell: (row) => label(row.value, row.other),
            },
            {
              id: 'baseline',
              header: 'Baseline average',
              cell: (row) => averageWithShare(row),
            },
          ]}
          empty={<Box color="inherit">No calls in the baseline</Box>}
        />
      </ExpandableSection>
    </SpaceBetween>
  );
}
