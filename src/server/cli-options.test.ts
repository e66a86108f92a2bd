// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseStartOptions, UsageError } from './cli-options';

describe('--delivery-interval', () => {
  it('defaults to CloudTrail’s five minutes and takes whole seconds', () => {
    expect(parseStartOptions([], {}).deliveryInterval).toBe(300);
    expect(parseStartOptions(['--delivery-interval', '1'], {}).deliveryInterval).toBe(1);
  });

  it.each(['0', '-5', '1.5', 'soon', ''])('rejects %j', (value) => {
    expect(() => parseStartOptions([`--delivery-interval=${value}`], {})).toThrow(UsageError);
    expect(() => parseStartOptions([`--delivery-interval=${value}`], {})).toThrow(
      `--delivery-interval must be a whole number of seconds, 1 or more, not ${value}.`,
    );
  });
});
