import { describe, expect, it } from 'vitest';
import { pushUrls } from './push-urls';

describe('pushUrls', () => {
  it('is undefined without PUBLIC_API_URL: no push, the pull only', () => {
    expect(pushUrls({ PUBLIC_API_URL: undefined })).toBeUndefined();
  });

  it('puts the notification routes under PUBLIC_API_URL, with or without a trailing slash or a path prefix', () => {
    expect(pushUrls({ PUBLIC_API_URL: 'https://dispatch.example.com/' })).toEqual({
      google: 'https://dispatch.example.com/api/v1/notifications/google',
      microsoft: 'https://dispatch.example.com/api/v1/notifications/microsoft',
      microsoftLifecycle: 'https://dispatch.example.com/api/v1/notifications/microsoft/lifecycle',
    });
    expect(pushUrls({ PUBLIC_API_URL: 'https://example.com/fs' })?.google).toBe('https://example.com/fs/api/v1/notifications/google');
  });
});
