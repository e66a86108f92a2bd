// Where the rules come from (local backend): the shipped pack, and the folders the server was started with
// (`npm start -- --rules DIR`), listed read-only. A folder can be turned off here (a console setting kept in
// localStorage); folders can only be added on the server's command line, never from the page.
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import { readSkippedRuleFolders, writeSkippedRuleFolders } from '@/api/rule-folder-setting';
import type { RuleFolder } from '@/domain/detections/report';

export function RuleFoldersPanel({ folders, onChange }: { folders: RuleFolder[]; onChange: () => void }) {
  const toggle = (folder: string, used: boolean) => {
    const skipped = readSkippedRuleFolders().filter((f) => f !== folder);
    writeSkippedRuleFolders(used ? skipped : [...skipped, folder]);
    onChange();
  };
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="The rule pack and the folders given with --rules when the server was started. Turn a folder off to leave its rules out."
        >
          Rule sources
        </Header>
      }
    >
      <SpaceBetween size="xs">
        <Toggle checked disabled>
          Trailview rule pack
        </Toggle>
        {folders.map(({ folder, used }) => (
          <Toggle key={folder} checked={used} onChange={({ detail }) => toggle(folder, detail.checked)}>
            {folder}
          </Toggle>
        ))}
        {folders.length === 0 && (
          <Box color="text-body-secondary">
            No rule folders. Start Trailview with npm start -- --rules DIR to add your own.
          </Box>
        )}
      </SpaceBetween>
    </Container>
  );
}
