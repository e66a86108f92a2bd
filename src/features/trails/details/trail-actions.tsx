// The details page's header actions: Delete, and Stop logging (confirmed) or Start logging.
import type { Trail } from '@aws-sdk/client-cloudtrail';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { toAwsError } from '@/api/aws-error';
import { trailMutations } from '@/api/trail-mutations';
import { useNotifications } from '@/components/notifications';
import { DeleteTrailModal, StopLoggingModal } from '../confirm-modals';

export function TrailActions({ trail, isLogging }: { trail: Trail; isLogging: boolean | undefined }) {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [confirming, setConfirming] = useState<'stop' | 'delete'>();
  const start = useMutation(trailMutations.startLogging());
  const stop = useMutation(trailMutations.stopLogging());
  // Leave the page as soon as the trail is gone, before the lists refetch (the mutation's own onSuccess
  // runs before the invalidation; a callback passed to mutate would run after it).
  const remove = useMutation({
    ...trailMutations.delete(),
    onSuccess: async () => {
      notify({
        action: 'delete-trail',
        type: 'success',
        content: `Trail ${trail.Name ?? ''} successfully deleted.`,
      });
      await navigate({ to: '/trails' });
    },
  });
  const target = { region: trail.HomeRegion ?? '', trailArn: trail.TrailARN ?? '' };
  const name = trail.Name ?? '';

  return (
    <>
      <SpaceBetween direction="horizontal" size="xs">
        <Button onClick={() => setConfirming('delete')}>Delete</Button>
        {isLogging === false ? (
          <Button
            loading={start.isPending}
            onClick={() =>
              start.mutate(target, {
                onError: (error) =>
                  notify({
                    action: 'logging',
                    type: 'error',
                    header: toAwsError(error).name,
                    content: toAwsError(error).message,
                  }),
              })
            }
          >
            Start logging
          </Button>
        ) : (
          <Button disabled={isLogging === undefined} onClick={() => setConfirming('stop')}>
            Stop logging
          </Button>
        )}
      </SpaceBetween>
      {confirming === 'stop' && (
        <StopLoggingModal
          trailName={name}
          pending={stop.isPending}
          {...(stop.error && { error: toAwsError(stop.error) })}
          onDismiss={() => {
            stop.reset();
            setConfirming(undefined);
          }}
          onConfirm={() =>
            stop.mutate(target, {
              onSuccess: () => {
                setConfirming(undefined);
              },
            })
          }
        />
      )}
      {confirming === 'delete' && (
        <DeleteTrailModal
          trailName={name}
          pending={remove.isPending}
          {...(remove.error && { error: toAwsError(remove.error) })}
          onDismiss={() => {
            remove.reset();
            setConfirming(undefined);
          }}
          onConfirm={() => remove.mutate(target)}
        />
      )}
    </>
  );
}
