// A tiny notification centre: features push messages, the console shell shows them in its Flashbar.
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Notification {
  type: NonNullable<FlashbarProps.MessageDefinition['type']>;
  header?: ReactNode;
  content?: ReactNode;
}

interface NotificationsContextValue {
  items: FlashbarProps.MessageDefinition[];
  notify: (notification: Notification) => string;
  dismiss: (id: string) => void;
}

const NotificationsContext = createContext<NotificationsContextValue | null>(null);

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<Array<Notification & { id: string }>>([]);
  const nextId = useRef(0);
  const dismiss = useCallback(
    (id: string) => setMessages((current) => current.filter((m) => m.id !== id)),
    [],
  );
  const notify = useCallback((notification: Notification) => {
    const id = `notification-${++nextId.current}`;
    // Newest first: the Flashbar stacks more than three messages and shows the first.
    setMessages((current) => [{ ...notification, id }, ...current]);
    return id;
  }, []);
  const items = useMemo(
    () =>
      messages.map(({ id, ...message }): FlashbarProps.MessageDefinition => ({
        ...message,
        id,
        dismissible: true,
        dismissLabel: 'Dismiss message',
        onDismiss: () => dismiss(id),
      })),
    [messages, dismiss],
  );
  const value = useMemo(() => ({ items, notify, dismiss }), [items, notify, dismiss]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsContextValue {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications must be used inside <NotificationsProvider>.');
  return value;
}
