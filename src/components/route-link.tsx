// A Cloudscape link to a console route that keeps its real href (new tab, copy link) and follows through the
// router on a plain click. The text is rendered as text: it may be event data.
import Link, { type LinkProps } from '@cloudscape-design/components/link';
import { useFollow } from './use-follow';

export function RouteLink({ href, children, ...props }: { href: string; children: string } & LinkProps) {
  const follow = useFollow();
  return (
    <Link {...props} href={href} onFollow={follow}>
      {children}
    </Link>
  );
}
