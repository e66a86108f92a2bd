// "Scroll all": every loaded (and refined) event in one virtualized grid (TanStack Virtual), so 100,000+
// rows scroll smoothly; more pages load as the end comes near. Styled with Cloudscape design tokens.
// Keyboard: Tab reaches the active row; arrows, Page Up/Down, Home and End move; Enter opens the event.
import type { Event } from '@aws-sdk/client-cloudtrail';
import {
  colorBackgroundCellShaded,
  colorBackgroundContainerContent,
  colorBackgroundContainerHeader,
  colorBorderDividerDefault,
  colorBorderItemFocused,
  colorTextHeadingDefault,
  fontSizeBodyM,
  fontWeightHeadingS,
  lineHeightBodyM,
  spaceScaledS,
  spaceScaledXs,
} from '@cloudscape-design/design-tokens';
import { useRouter } from '@tanstack/react-router';
import { createRow, flexRender, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';

const ROW_HEIGHT = 37;
/** Ask for more events when the last rendered row is this close to the end. */
const LOAD_AHEAD = 100;
const WIDTHS: Record<string, number> = {
  eventName: 240,
  eventTime: 230,
  eventSource: 230,
  resourceName: 300,
};

export interface EventScrollViewProps {
  /** For its columns and their visibility; its data is not used. */
  table: Table<Event>;
  /** Every loaded (and refined) event. */
  events: readonly Event[];
  hasMore: boolean;
  onNearEnd: () => void;
  wrapLines: boolean;
  stripedRows: boolean;
  ariaLabel: string;
}

export function EventScrollView({
  table,
  events,
  hasMore,
  onNearEnd,
  wrapLines,
  stripedRows,
  ariaLabel,
}: EventScrollViewProps) {
  const router = useRouter();
  // TanStack rows only for the events in view: a row model over 100,000 events costs a quarter of a
  // second on every change of the loaded or refined set. Rows are kept per event while it stays in place.
  const [made] = useState(() => new WeakMap<Event, Row<Event>>());
  const rowAt = (index: number): Row<Event> => {
    const event = events[index]!;
    let row = made.get(event);
    if (row?.index !== index) {
      row = createRow(table, event.EventId ?? `row-${index}`, event, index, 0);
      made.set(event, row);
    }
    return row;
  };
  const columns = table.getVisibleLeafColumns();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && lastRendered >= events.length - LOAD_AHEAD) onNearEnd();
  }, [hasMore, lastRendered, events.length, onNearEnd]);

  const template = columns.map((c) => `minmax(${WIDTHS[c.id] ?? 180}px, 1fr)`).join(' ');
  const width = columns.reduce((sum, c) => sum + (WIDTHS[c.id] ?? 180), 0);
  const activeIndex = Math.min(active, Math.max(0, events.length - 1));

  function focusRow(index: number) {
    const next = Math.max(0, Math.min(events.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() =>
      scrollRef.current
        ?.querySelector<HTMLElement>(`[data-row-index="${next}"]`)
        ?.focus({ preventScroll: true }),
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: events.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined && (event.target as HTMLElement).getAttribute('role') === 'row') {
      event.preventDefault();
      focusRow(target);
    } else if (event.key === 'Enter' && (event.target as HTMLElement).getAttribute('role') === 'row') {
      const eventId = events[activeIndex]?.EventId;
      if (eventId) void router.navigate({ to: '/events/$eventId', params: { eventId } });
    }
  }

  const cellStyle: CSSProperties = {
    padding: `${spaceScaledXs} ${spaceScaledS}`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: wrapLines ? 'normal' : 'nowrap',
    overflowWrap: 'anywhere',
    maxHeight: wrapLines ? undefined : ROW_HEIGHT,
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      tabIndex={-1}
      aria-label={ariaLabel}
      aria-rowcount={events.length + 1}
      aria-colcount={columns.length}
      onKeyDown={onKeyDown}
      style={{
        height: 'max(420px, calc(100vh - 420px))',
        overflow: 'auto',
        position: 'relative',
        border: `1px solid ${colorBorderDividerDefault}`,
        borderRadius: 8,
        background: colorBackgroundContainerContent,
        fontSize: fontSizeBodyM,
        lineHeight: lineHeightBodyM,
      }}
    >
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 1, minWidth: width }}>
        <div
          role="row"
          aria-rowindex={1}
          style={{
            display: 'grid',
            gridTemplateColumns: template,
            background: colorBackgroundContainerHeader,
            borderBottom: `1px solid ${colorBorderDividerDefault}`,
            color: colorTextHeadingDefault,
            fontWeight: fontWeightHeadingS,
          }}
        >
          {table
            .getLeafHeaders()
            .filter((header) => header.column.getIsVisible())
            .map((header) => (
              <div key={header.id} role="columnheader" style={cellStyle}>
                {flexRender(header.column.columnDef.header, header.getContext())}
              </div>
            ))}
        </div>
      </div>
      <div
        role="rowgroup"
        style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: width }}
      >
        {items.map((item) => {
          const row = rowAt(item.index);
          const isActive = item.index === activeIndex;
          return (
            <div
              key={row.id}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-row-index={item.index}
              role="row"
              aria-rowindex={item.index + 2}
              tabIndex={isActive ? 0 : -1}
              onFocus={() => setActive(item.index)}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
                display: 'grid',
                gridTemplateColumns: template,
                borderBottom: `1px solid ${colorBorderDividerDefault}`,
                background: stripedRows && item.index % 2 === 1 ? colorBackgroundCellShaded : undefined,
                outlineColor: colorBorderItemFocused,
              }}
            >
              {row.getVisibleCells().map((cell) => (
                <div key={cell.id} role="gridcell" style={cellStyle}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
