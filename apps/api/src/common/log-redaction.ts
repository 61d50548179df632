// Request parts that must never reach a log line: credentials and provider tokens.
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.query.code',
  'req.query.state',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
];
