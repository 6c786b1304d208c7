import { lazy, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { useErrorText } from './components/errors';
import { I18nProvider, useLocale, useT } from './i18n/I18nProvider';
import { AppLayout } from './layout/AppLayout';
import { CHANGE_PASSWORD_PATH, RequireAuth } from './layout/RequireAuth';
import { RequirePermission } from './layout/RequirePermission';
import LoginPage from './pages/auth/LoginPage';
import { ProceduresShell } from './pages/procedures/PublicLayout';
import { SessionProvider, useSession } from './session/SessionProvider';

const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const AccountPage = lazy(() => import('./pages/account/AccountPage'));
const UsersPage = lazy(() => import('./pages/admin/users/UsersPage'));
const AuditPage = lazy(() => import('./pages/admin/audit/AuditPage'));
const UnitsPage = lazy(() => import('./pages/admin/units/UnitsPage'));
const OutboxPage = lazy(() => import('./pages/admin/outbox/OutboxPage'));
const EnterprisesPage = lazy(() => import('./pages/enterprises/list/EnterprisesPage'));
const EnterpriseProfilePage = lazy(() => import('./pages/enterprises/profile/EnterpriseProfilePage'));
const MyEnterprisePage = lazy(() => import('./pages/enterprises/profile/MyEnterprisePage'));
const StructurePage = lazy(() => import('./pages/enterprises/structure/StructurePage'));
const ImportPage = lazy(() => import('./pages/enterprises/import/ImportPage'));
const ProposalsPage = lazy(() => import('./pages/enterprises/proposals/ProposalsPage'));
const IndicatorsPage = lazy(() => import('./pages/indicators/IndicatorsPage'));
const BasketPage = lazy(() => import('./pages/basket/BasketPage'));
const ProceduresPage = lazy(() => import('./pages/procedures/catalogue/ProceduresPage'));
const ProcedureDetailPage = lazy(() => import('./pages/procedures/detail/ProcedureDetailPage'));
const DecisionsPage = lazy(() => import('./pages/procedures/decisions/DecisionsPage'));
const PublishDecisionPage = lazy(() => import('./pages/procedures/publish/PublishDecisionPage'));
const CalendarPage = lazy(() => import('./pages/calendar/CalendarPage'));
const MyDossiersPage = lazy(() => import('./pages/dossiers/MyDossiersPage'));
const SubmitDossierPage = lazy(() => import('./pages/dossiers/SubmitDossierPage'));
const WorkQueuePage = lazy(() => import('./pages/dossiers/WorkQueuePage'));
const DossierDetailPage = lazy(() => import('./pages/dossiers/DossierDetailPage'));
const DossierLookupPage = lazy(() => import('./pages/dossiers/LookupPage'));
const CompliancePage = lazy(() => import('./pages/compliance/CompliancePage'));
const ServiceIndexPage = lazy(() => import('./pages/service-index/ServiceIndexPage'));
const ComplianceReviewPage = lazy(() => import('./pages/compliance/ReviewPage'));
const MyReportsPage = lazy(() => import('./pages/reports/MyReportsPage'));
const ReportEntryPage = lazy(() => import('./pages/reports/ReportEntryPage'));
const ReviewQueuePage = lazy(() => import('./pages/reports/ReviewQueuePage'));
const CompletenessPage = lazy(() => import('./pages/reports/CompletenessPage'));
const ReportsImportPage = lazy(() => import('./pages/reports/ReportsImportPage'));
const BriefingPage = lazy(() => import('./pages/briefing/BriefingPage'));
const PciPage = lazy(() => import('./pages/support/pci/PciPage'));
const ConferencesPage = lazy(() => import('./pages/support/conferences/ConferencesPage'));
const ConferenceDetailPage = lazy(() => import('./pages/support/conferences/ConferenceDetailPage'));
const AgenciesPage = lazy(() => import('./pages/support/agencies/AgenciesPage'));
const PetitionsPage = lazy(() => import('./pages/petitions/PetitionsPage'));
const PetitionDetailPage = lazy(() => import('./pages/petitions/PetitionDetailPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

const THEME = {
  token: { colorPrimary: '#1456b8', borderRadius: 6, fontSize: 14 },
};

/** Waits for the session before routing, so that guards never see a half-known user. */
const SessionGate = ({ children }: { children: ReactNode }) => {
  const t = useT();
  const errorText = useErrorText();
  const { state, refresh } = useSession();
  if (state.status === 'loading') return <Spin size="large" fullscreen description={t('common.loading')} />;
  if (state.status === 'failed') {
    return (
      <Result
        status="error"
        title={t('errors.sessionLoad')}
        subTitle={errorText(state.error)}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return children;
};

const AppRoutes = () => (
  <Routes>
    <Route path="/login" element={<LoginPage />} />
    {/* The procedure catalogue is public: signed-in users see it in the app shell, others in the public one. */}
    <Route element={<ProceduresShell />}>
      <Route path="/procedures" element={<ProceduresPage />} />
      <Route path="/procedures/decisions" element={<DecisionsPage />} />
      <Route path="/procedures/lookup" element={<DossierLookupPage />} />
      <Route path="/procedures/:code" element={<ProcedureDetailPage />} />
    </Route>
    <Route element={<RequireAuth />}>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="indicators" element={<IndicatorsPage />} />
        <Route path="basket" element={<RequirePermission permission="statistics.manage"><BasketPage /></RequirePermission>} />
        <Route path="enterprises" element={<RequirePermission permission="enterprises.read"><EnterprisesPage /></RequirePermission>} />
        <Route path="enterprises/structure" element={<RequirePermission permission="enterprises.read"><StructurePage /></RequirePermission>} />
        <Route path="enterprises/import" element={<RequirePermission permission="enterprises.write"><ImportPage /></RequirePermission>} />
        <Route path="enterprises/proposals" element={<RequirePermission permission="enterprises.read"><ProposalsPage /></RequirePermission>} />
        <Route path="enterprises/:id" element={<EnterpriseProfilePage />} />
        <Route path="my-enterprise" element={<RequirePermission permission="enterprises.self"><MyEnterprisePage /></RequirePermission>} />
        <Route path="reports" element={<RequirePermission permission="reports.self"><MyReportsPage /></RequirePermission>} />
        <Route path="reports/review" element={<RequirePermission permission="reports.read"><ReviewQueuePage /></RequirePermission>} />
        <Route path="reports/completeness" element={<RequirePermission permission="reports.read"><CompletenessPage /></RequirePermission>} />
        <Route path="reports/import" element={<RequirePermission permission="statistics.manage"><ReportsImportPage /></RequirePermission>} />
        <Route path="reports/:formCode/:enterpriseId/:period" element={<ReportEntryPage />} />
        <Route path="briefing" element={<RequirePermission permission="reports.read"><BriefingPage /></RequirePermission>} />
        <Route path="admin/users" element={<RequirePermission permission="admin.users"><UsersPage /></RequirePermission>} />
        <Route path="admin/audit" element={<RequirePermission permission="admin.audit"><AuditPage /></RequirePermission>} />
        <Route path="admin/units" element={<RequirePermission permission="admin.units"><UnitsPage /></RequirePermission>} />
        <Route path="admin/outbox" element={<RequirePermission permission="admin.outbox"><OutboxPage /></RequirePermission>} />
        <Route path="admin/calendar" element={<CalendarPage />} />
        <Route path="my-dossiers" element={<RequirePermission permission="dossiers.submit"><MyDossiersPage /></RequirePermission>} />
        <Route path="dossiers/new" element={<RequirePermission permission="dossiers.submit"><SubmitDossierPage /></RequirePermission>} />
        <Route path="dossiers" element={<RequirePermission permission="dossiers.process"><WorkQueuePage /></RequirePermission>} />
        <Route path="dossiers/:id" element={<DossierDetailPage />} />
        <Route path="procedures/decisions/new" element={<RequirePermission permission="procedures.manage"><PublishDecisionPage /></RequirePermission>} />
        <Route path="compliance" element={<RequirePermission permission="compliance.read"><CompliancePage /></RequirePermission>} />
        <Route path="service-index" element={<RequirePermission permission="service-index.read"><ServiceIndexPage /></RequirePermission>} />
        <Route path="compliance/:code" element={<RequirePermission permission="compliance.read"><ComplianceReviewPage /></RequirePermission>} />
        <Route path="support/pci" element={<PciPage />} />
        <Route path="support/conferences" element={<RequirePermission permission="support.read"><ConferencesPage /></RequirePermission>} />
        <Route path="support/conferences/:id" element={<RequirePermission permission="support.read"><ConferenceDetailPage /></RequirePermission>} />
        <Route path="support/agencies" element={<RequirePermission permission="support.read"><AgenciesPage /></RequirePermission>} />
        <Route path="petitions" element={<PetitionsPage />} />
        <Route path="petitions/:id" element={<PetitionDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Route>
  </Routes>
);

/** Ant Design in the UI language, with the app-level message/modal context. */
const LocalizedApp = () => {
  const { locale } = useLocale();
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={THEME}>
      <AntApp>
        <SessionProvider>
          <SessionGate>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </SessionGate>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
};

export const RootApp = () => (
  <I18nProvider>
    <LocalizedApp />
  </I18nProvider>
);
