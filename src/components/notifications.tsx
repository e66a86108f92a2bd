// A tiny notification centre: features push messages, the console shell shows them in its Flashbar.
import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Notification {
  /**
   * What the message reports (`update-trail`, `download`, …): a new message replaces the one before it of
   * the same action, so seven edits leave one "successfully updated", not a stack of seven.
   */
  action: string;
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
    setMessages((current) => [
      { ...notification, id },
      ...current.filter((message) => message.action !== notification.action),
    ]);
    return id;
  }, []);
  const items = useMemo(
    () =>
      messages.map(({ id, type, header, content }): FlashbarProps.MessageDefinition => ({
        type,
        header,
        content,
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
