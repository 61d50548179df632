// Owns the HTML of the emulated sign-in/consent page (consent mode `page`) and of the error
// page shown when the request cannot be trusted enough to redirect. Server-rendered, no JS:
// the form posts back to `<authorize path>/decision` on the same origin.
import type { Account } from '../../core/types.js';
import type { Params } from './authorize.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function hiddenFields(p: Params): string {
  return Object.entries(p)
    .filter(([, v]) => typeof v === 'string')
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v as string)}">`)
    .join('');
}

export function consentPage(action: string, p: Params, accounts: Account[], hint?: string): string {
  const options = accounts
    .map((a, i) => {
      const checked = hint ? a.email.toLowerCase() === hint.toLowerCase() : i === 0;
      return `<label><input type="radio" name="account" value="${esc(a.email)}"${checked ? ' checked' : ''}> ${esc(a.name)} &lt;${esc(a.email)}&gt;</label><br>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Microsoft (emulator)</title></head>
<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">
<h1>Microsoft (emulator)</h1>
<p>The application <code>${esc(p.client_id ?? '')}</code> asks for: <code>${esc(p.scope ?? '')}</code></p>
<form method="post" action="${esc(action)}">${hiddenFields(p)}
<fieldset><legend>Pick an account</legend>${options}</fieldset>
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form></body></html>`;
}

export function errorPage(description: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in error (emulator)</title></head>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto"><h1>Sorry, but we're having trouble signing you in.</h1>
<pre style="white-space:pre-wrap">${esc(description)}</pre></body></html>`;
}

export function formPostPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
  return `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${esc(action)}">${inputs}<noscript><button>Continue</button></noscript></form></body></html>`;
}
