// The login page. Wrong credentials and invalid input are shown in the person's language.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, type Location } from 'react-router-dom';
import { useAccessToken } from '../../api/access-token';
import { translateApiError } from '../../i18n/error-text';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher';
import { FormField } from '../../ui/FormField';
import { useLogin } from './use-login';
import { useDocumentTitle } from '../../ui/use-document-title';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const token = useAccessToken();
  const location = useLocation();
  const loginMutation = useLogin();
  useDocumentTitle(t('auth.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const from = (location.state as { from?: Location } | null)?.from;
  if (token) return <Navigate to={from ? `${from.pathname}${from.search}` : '/interventions'} replace />;

  const error = loginMutation.error ? translateApiError(loginMutation.error, i18n) : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    loginMutation.mutate({ email, password });
  };

  return (
    <main id="main" className="login">
      <div className="login-card">
        <div className="login-brand">
          <img src="/icons/icon-192.png" alt="" width="48" height="48" />
          <span>{t('app.name')}</span>
        </div>
        <h1>{t('auth.title')}</h1>
        <p className="muted">{t('auth.subtitle')}</p>
        <form onSubmit={onSubmit} noValidate>
          {error && (
            <p className="alert alert-error" role="alert" data-testid="login-error">
              {error.message}
            </p>
          )}
          <FormField label={t('fields.email')} name="email" error={error?.fieldErrors.email}>
            {(props) => <input {...props} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </FormField>
          <FormField label={t('fields.password')} name="password" error={error?.fieldErrors.password}>
            {(props) => (
              <input {...props} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </FormField>
          <button type="submit" className="button button-primary button-block" disabled={loginMutation.isPending}>
            {loginMutation.isPending ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
        <LanguageSwitcher />
      </div>
    </main>
  );
}
