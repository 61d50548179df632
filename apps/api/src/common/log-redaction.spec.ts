import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('hides the OAuth code and state of a callback URL, keeping the rest', () => {
    expect(redactUrl('/api/v1/integrations/google/callback?code=4/0AQ-secret&state=abc&scope=email')).toBe(
      '/api/v1/integrations/google/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&scope=email',
    );
  });

  it('leaves a URL without secrets untouched', () => {
    expect(redactUrl('/api/v1/interventions?status=PLANNED')).toBe('/api/v1/interventions?status=PLANNED');
    expect(redactUrl('/api/v1/health')).toBe('/api/v1/health');
  });

  it('hides the token of a private ICS feed URL, in the path', () => {
    expect(redactUrl('/api/v1/ics-feed/AbC_dEf-0123456789012345678901234567890123.ics')).toBe('/api/v1/ics-feed/[redacted].ics');
    expect(redactUrl('/api/v1/ics-feed/abc.ics?x=1')).toBe('/api/v1/ics-feed/[redacted].ics?x=1');
    expect(redactUrl('/api/v1/ics-feed')).toBe('/api/v1/ics-feed');
  });
});
