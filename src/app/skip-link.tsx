// "Skip to main content": the first thing Tab reaches, shown only while focused, so that a keyboard user
// need not pass the top bar and the whole side navigation on every page (WCAG 2.4.1, bypass blocks).
import { useState, type CSSProperties, type MouseEvent } from 'react';

const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

// The system colors Canvas and CanvasText always contrast, in light and dark mode alike.
const SHOWN: CSSProperties = {
  position: 'fixed',
  top: 8,
  left: 8,
  zIndex: 2000,
  padding: '8px 16px',
  background: 'Canvas',
  color: 'CanvasText',
  outline: '2px solid Highlight',
  borderRadius: 8,
  fontWeight: 'bold',
};

/** Moves focus to the page's heading (or its main region): the routes are in the hash, so no `#id` link. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.querySelector('main');
  const target = main?.querySelector<HTMLElement>('h1') ?? main;
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

export function SkipLink() {
  const [focused, setFocused] = useState(false);
  return (
    <a
      href="#main"
      style={focused ? SHOWN : HIDDEN}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={skipToMain}
    >
      Skip to main content
    </a>
  );
}
