// Routes. Everything but /login sits behind RequireAuth and inside the Layout.
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router-dom';
import { AdminPage } from '../features/admin/AdminPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { CalendarChangesPage } from '../features/calendar-changes/CalendarChangesPage';
import { EditInterventionPage, NewInterventionPage } from '../features/interventions/InterventionFormPages';
import { InterventionsPage } from '../features/interventions/InterventionsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Layout } from './Layout';

function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('app.notFound')}</h1>
      <Link to="/interventions">{t('app.backHome')}</Link>
    </section>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <Layout />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to="/interventions" replace />} />
          <Route path="/interventions" element={<InterventionsPage />} />
          <Route path="/interventions/new" element={<NewInterventionPage />} />
          <Route path="/interventions/:id/edit" element={<EditInterventionPage />} />
          <Route path="/calendar-changes" element={<CalendarChangesPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/admin" element={<AdminPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
