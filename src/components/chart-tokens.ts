// Cloudscape design tokens for SVG charts. A token is `var(--name, light-fallback)`, and SVG presentation
// attributes (`fill`, `stroke`, `font-size`, as Recharts writes them) do not resolve var(): the fallback,
// the light-mode colour, was drawn in dark mode too. Charts read the token's value for the mode in use.
import { useMemo, useSyncExternalStore } from 'react';

const VAR = /^var\((--[\w-]+)\s*,\s*(.+)\)$/;

/** The value of a `var(--x, fallback)` token on an element (the body carries Cloudscape's mode class). */
export function resolveToken(
  token: string,
  element: Element | undefined = globalThis.document?.body,
): string {
  const match = VAR.exec(token.trim());
  if (!match) return token;
  const value = element ? getComputedStyle(element).getPropertyValue(match[1]!).trim() : '';
  return value || match[2]!.trim();
}

function subscribe(onChange: () => void): () => void {
  // applyMode (global-styles) switches the mode with a class on the body.
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

const bodyClass = () => document.body.className;

/** The tokens' values, resolved again when the visual mode (light, dark) changes. */
export function useChartTokens<T extends Record<string, string>>(tokens: T): T {
  const mode = useSyncExternalStore(subscribe, bodyClass, () => '');
  const key = JSON.stringify(tokens);
  return useMemo(
    () =>
      Object.fromEntries(
        Object.entries(JSON.parse(key) as T).map(([name, token]) => [name, resolveToken(token)]),
      ) as T,
    // The body class is what changes the tokens' values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, mode],
  );
}
