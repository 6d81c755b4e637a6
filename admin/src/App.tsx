import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';

import annotations from './annotations';
import apiKeys from './apiKeys';
import claims from './claims';
import entities from './entities';
import events from './events';
import { i18nProvider } from './i18n';
import { Layout } from './Layout';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import sources from './sources';
import { theme } from './theme';
import users from './users';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const ReviewQueue = lazy(() => import('./review/ReviewQueue'));
const AccountPage = lazy(() => import('./account/AccountPage'));
const ImportPage = lazy(() => import('./ingest/ImportPage'));
const ProposalsPage = lazy(() => import('./ingest/ProposalsPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));

export function App() {
  return (
    <Admin
      title="console.layout.title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={Layout}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="sources" {...sources} />
      <Resource name="claims" {...claims} />
      <Resource name="events" {...events} />
      <Resource name="entities" {...entities} />
      <Resource name="users" {...users} />
      <Resource name="apiKeys" {...apiKeys} />
      <Resource name="annotations" {...annotations} />
      <CustomRoutes>
        <Route path="/review" element={<ReviewQueue />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/import" element={<ImportPage />} />
        <Route path="/proposals" element={<ProposalsPage />} />
        <Route path="/audit" element={<AuditPage />} />
      </CustomRoutes>
    </Admin>
  );
}
