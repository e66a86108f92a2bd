// "Leave page?" before a route change that would lose unsaved changes (TanStack Router's useBlocker), and
// the browser's own prompt on reload or close (beforeunload).
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useBlocker } from '@tanstack/react-router';
import { useCallback, useRef, type ReactNode } from 'react';

export function useLeavePagePrompt(dirty: boolean): { prompt: ReactNode; allowLeave: () => void } {
  const allowed = useRef(false);
  const blocker = useBlocker({
    shouldBlockFn: () => dirty && !allowed.current,
    enableBeforeUnload: () => dirty && !allowed.current,
    withResolver: true,
  });
  /** After a successful save the page navigates away on purpose. */
  const allowLeave = useCallback(() => {
    allowed.current = true;
  }, []);
  const prompt = blocker.status === 'blocked' && (
    <Modal
      visible
      header="Leave page?"
      onDismiss={() => blocker.reset?.()}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => blocker.reset?.()}>
              Cancel
            </Button>
            <Button variant="primary" onClick={() => blocker.proceed?.()}>
              Leave
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      You have unsaved changes that will be lost if you leave this page.
    </Modal>
  );
  return { prompt, allowLeave };
}
