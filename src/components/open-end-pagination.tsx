// Paging over an API that pages with NextToken: pages already loaded are browsed locally; "next" past the
// last loaded page asks for the next API page, and the end stays open while a NextToken exists.
import Pagination from '@cloudscape-design/components/pagination';
import type { Table } from '@tanstack/react-table';
import { useEffect } from 'react';

export interface OpenEndPaginationProps<T> {
  table: Table<T>;
  hasNextPage: boolean;
  isFetching: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export function OpenEndPagination<T>({
  table,
  hasNextPage,
  isFetching,
  fetchNextPage,
}: OpenEndPaginationProps<T>) {
  const { pageIndex } = table.getState().pagination;
  const pageCount = table.getPageCount();

  // The last API page can come back empty: step back to the last page that has rows.
  useEffect(() => {
    if (!isFetching && !hasNextPage && pageIndex > 0 && pageIndex >= pageCount) {
      table.setPageIndex(Math.max(0, pageCount - 1));
    }
  }, [isFetching, hasNextPage, pageIndex, pageCount, table]);

  return (
    <Pagination
      currentPageIndex={pageIndex + 1}
      pagesCount={Math.max(1, pageCount, pageIndex + 1)}
      openEnd={hasNextPage}
      onChange={({ detail }) => table.setPageIndex(detail.currentPageIndex - 1)}
      onNextPageClick={({ detail }) => {
        if (!detail.requestedPageAvailable && hasNextPage) void fetchNextPage();
      }}
    />
  );
}
