// Request parts that must never reach a log line: credentials and provider tokens.
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.query.code',
  'req.query.state',
  'req.params.token',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
];

/** Query parameters whose values never reach a log line (the OAuth callback's code and state). */
export const REDACTED_QUERY_PARAMS = ['code', 'state', 'access_token', 'refresh_token'];

/** Paths whose segment is a credential: the private ICS feed's token. */
const SECRET_PATH_SEGMENT = /(\/ics-feed\/)[^/?]+\.ics/;

/**
 * pino-http logs `req.url` with its query string: hide the values of REDACTED_QUERY_PARAMS
 * there, and the token of a feed URL in its path.
 */
export function redactUrl(rawUrl: string): string {
  const url = rawUrl.replace(SECRET_PATH_SEGMENT, '$1[redacted].ics');
  const start = url.indexOf('?');
  if (start < 0) return url;
  const params = new URLSearchParams(url.slice(start + 1));
  let changed = false;
  for (const name of REDACTED_QUERY_PARAMS) {
    if (params.has(name)) {
      params.set(name, '[redacted]');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, start)}?${params.toString()}` : url;
}
