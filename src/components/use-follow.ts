// Cloudscape links keep a real href (new tab, copy link); a plain click goes through the router instead
// of reloading: the onFollow + preventDefault pattern of Cloudscape's routing guide.
import { useRouter } from '@tanstack/react-router';
import { useCallback } from 'react';

interface FollowDetail {
  href?: string;
  external?: boolean;
}

export function useFollow(): (event: CustomEvent<FollowDetail>) => void {
  const router = useRouter();
  return useCallback(
    (event: CustomEvent<FollowDetail>) => {
      const { href, external } = event.detail;
      if (external || !href?.startsWith('#/')) return;
      event.preventDefault();
      void router.navigate({ href: href.slice(1) });
    },
    [router],
  );
}
