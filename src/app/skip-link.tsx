// "Skip to main content": the first thing Tab reaches, shown only while focused, so that a keyboard user
// need not pass the top bar and the whole side navigation on every page (WCAG 2.4.1, bypass blocks).
import * as tokens from '@cloudscape-design/design-tokens';
import { useState, type CSSProperties, type MouseEvent } from 'react';

const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

const SHOWN: CSSProperties = {
  position: 'fixed',
  top: tokens.spaceScaledXs,
  left: tokens.spaceScaledXs,
  zIndex: 2000,
  padding: `${tokens.spaceScaledXs} ${tokens.spaceScaledM}`,
  background: tokens.colorBackgroundContainerContent,
  color: tokens.colorTextLinkDefault,
  border: `2px solid ${tokens.colorBorderItemFocused}`,
  borderRadius: tokens.borderRadiusButton,
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
