import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { NotificationsProvider, useNotifications } from './notifications';

const wrapper = ({ children }: { children: ReactNode }) => (
  <NotificationsProvider>{children}</NotificationsProvider>
);

describe('notifications', () => {
  it('keeps the latest message of each action, newest first', () => {
    const { result } = renderHook(() => useNotifications(), { wrapper });
    act(() => {
      for (let edit = 1; edit <= 7; edit++)
        result.current.notify({ action: 'update-trail', type: 'success', content: `Edit ${edit}` });
      result.current.notify({ action: 'download', type: 'info', content: 'The download was canceled.' });
    });
    expect(result.current.items.map((item) => item.content)).toEqual([
      'The download was canceled.',
      'Edit 7',
    ]);
  });
});
