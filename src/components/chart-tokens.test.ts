// Design tokens name CSS custom properties with a hash of the Cloudscape build (`--color-text-body-secondary-
// y6dr4d`). Only the components package defines them (with each mode's value): a @cloudscape-design/design-
// tokens release of another build names properties nobody defines, and every token falls back to its
// light-mode value, in dark mode too (dim chart axes). Keep the two packages of one build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as designTokens from '@cloudscape-design/design-tokens';
import { describe, expect, it } from 'vitest';
import { resolveToken } from './chart-tokens';

const componentsTokens = readFileSync(
  join(process.cwd(), 'node_modules/@cloudscape-design/components/internal/generated/styles/tokens.js'),
  'utf8',
);

describe('design tokens', () => {
  it('name the custom properties the installed Cloudscape components define', () => {
    const used = [
      'colorTextBodySecondary',
      'colorChartsLineGrid',
      'colorChartsLineAxis',
      'colorChartsPaletteCategorical1',
      'colorChartsStatusHigh',
    ] as const;
    for (const name of used) {
      expect(componentsTokens).toContain(`${name} = ${JSON.stringify(designTokens[name])}`);
    }
  });

  it('resolve to the value set on the element, else to the fallback', () => {
    const element = document.createElement('div');
    document.body.append(element);
    element.style.setProperty('--color-x-abc123', '#c6c6cd');
    expect(resolveToken('var(--color-x-abc123, #424650)', element)).toBe('#c6c6cd');
    expect(resolveToken('var(--color-y-abc123, #424650)', element)).toBe('#424650');
    element.remove();
  });
});
