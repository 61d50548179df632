// Owns the HTML of the Google consent page (consent mode `page`) and of Google's error page.
import type { Account } from '../../core/types.js';
import type { AuthorizeRequest } from './authorize-request.js';
import { authorizeParamsOf } from './authorize-request.js';

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function consentPage(r: AuthorizeRequest, accounts: Account[]): string {
  const hidden = Object.entries(authorizeParamsOf(r))
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const options = accounts
    .map((a, i) => {
      const checked = r.loginHint ? a.email === r.loginHint : i === 0;
      return `<label><input type="radio" name="email" value="${escapeHtml(a.email)}"${checked ? ' checked' : ''}> ${escapeHtml(a.name)} &lt;${escapeHtml(a.email)}&gt;</label><br>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (emulator)</title></head>
<body style="font-family:sans-serif;max-width:36rem;margin:2rem auto">
<h1>Calendar emulator: Google consent</h1>
<p>Client <code>${escapeHtml(r.clientId)}</code> asks for:</p>
<form method="post" action="/o/oauth2/v2/auth/decision">${hidden}
<fieldset><legend>Permissions (untick to refuse one)</legend>${r.scopes
    .map((s) => `<label><input type="checkbox" name="granted" value="${escapeHtml(s)}" checked> <code>${escapeHtml(s)}</code></label><br>`)
    .join('')}</fieldset>
<fieldset><legend>Choose an account</legend>${options}</fieldset>
<p><button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Cancel</button></p>
</form></body></html>`;
}

export function errorPage(status: number, error: string, description: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error ${status}: ${escapeHtml(error)}</title></head>
<body style="font-family:sans-serif;max-width:36rem;margin:2rem auto"><h1>Access blocked: Error ${status}: ${escapeHtml(error)}</h1>
<p>${escapeHtml(description)}</p></body></html>`;
}
