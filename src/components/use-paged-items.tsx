// Client-side pages over items already loaded (a session's calls, an identity's sessions): the page's items
// and the Cloudscape Pagination for a table's `pagination` slot. The page resets when `resetKey` changes.
import Pagination from '@cloudscape-design/components/pagination';
import { useState } from 'react';

const ARIA_LABELS = {
  nextPageLabel: 'Next page',
  previousPageLabel: 'Previous page',
  pageLabel: (n: number) => `Page ${n}`,
};

export function usePagedItems<T>(items: readonly T[], pageSize: number, resetKey?: unknown) {
  const [state, setState] = useState({ page: 1, resetKey });
  const page = state.resetKey === resetKey ? state.page : 1;
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(page, pages);
  return {
    pageItems: items.slice((current - 1) * pageSize, current * pageSize),
    pagination: (
      <Pagination
        currentPageIndex={current}
        pagesCount={pages}
        onChange={({ detail }) => setState({ page: detail.currentPageIndex, resetKey })}
        ariaLabels={ARIA_LABELS}
      />
    ),
  };
}
