import { describe, expect, it } from 'vitest';
import { parseIntegrationResult, withoutIntegrationResult } from './integration-result';

const parse = (search: string) => parseIntegrationResult(new URLSearchParams(search));

describe('parseIntegrationResult', () => {
  it('reads a successful connection', () => {
    expect(parse('?integration=google&result=connected')).toEqual({ provider: 'google', result: 'connected', reason: null });
  });

  it('reads a failure with its reason code', () => {
    expect(parse('?integration=microsoft&result=error&reason=access_denied')).toEqual({
      provider: 'microsoft',
      result: 'error',
      reason: 'access_denied',
    });
  });

  it('ignores a URL without a complete, well-formed result', () => {
    expect(parse('')).toBeNull();
    expect(parse('?integration=google')).toBeNull();
    expect(parse('?integration=google&result=maybe')).toBeNull();
    expect(parse('?integration=<script>&result=connected')).toBeNull();
  });

  it('drops a reason that is not a code', () => {
    expect(parse('?integration=google&result=error&reason=<b>hi</b>')?.reason).toBeNull();
  });

  it('removes only its own parameters from the URL', () => {
    const rest = withoutIntegrationResult(new URLSearchParams('?integration=google&result=error&reason=x&tab=1'));
    expect(rest.toString()).toBe('tab=1');
  });
});
