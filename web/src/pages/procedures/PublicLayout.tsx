import { Suspense } from 'react';
import { Flex, Spin } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useT } from '../../i18n/I18nProvider';
import { AppLayout } from '../../layout/AppLayout';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { useSession } from '../../session/SessionProvider';
import './procedures.css';

/** The minimal shell of the public pages: the Department's name, the language switch and a sign-in link. */
export const PublicLayout = () => {
  const t = useT();
  const location = useLocation();
  const from = `${location.pathname}${location.search}`;
  const inDecisions = location.pathname.startsWith('/procedures/decisions');
  const inLookup = location.pathname.startsWith('/procedures/lookup');
  return (
    <div className="public-shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <header className="public-header">
        <div className="public-header-inner">
          <Link to="/procedures" className="public-brand" aria-label={t('app.name')}>
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <span className="brand-text">
              <span className="public-brand-name">{t('app.name')}</span>
              <span className="public-brand-subtitle">{t('procedures.public.subtitle')}</span>
            </span>
          </Link>
          <nav aria-label={t('procedures.public.nav')} className="public-nav">
            <Link to="/procedures" className={inDecisions || inLookup ? undefined : 'active'} aria-current={location.pathname === '/procedures' ? 'page' : undefined}>
              {t('nav.procedures')}
            </Link>
            <Link to="/procedures/decisions" className={inDecisions ? 'active' : undefined} aria-current={location.pathname === '/procedures/decisions' ? 'page' : undefined}>
              {t('procedures.decisionsLink')}
            </Link>
            <Link to="/procedures/lookup" className={inLookup ? 'active' : undefined} aria-current={inLookup ? 'page' : undefined}>
              {t('dossiers.nav.lookup')}
            </Link>
          </nav>
          <Flex align="center" gap="small" className="public-tools">
            <LanguageSwitch />
            <Link to="/login" state={{ from }} className="public-login-link">
              <LoginOutlined aria-hidden /> {t('procedures.public.login')}
            </Link>
          </Flex>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="public-content">
        <Suspense
          fallback={
            <Flex justify="center" className="page-spinner">
              <Spin size="large" description={t('common.loading')} />
            </Flex>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="public-footer">{t('procedures.public.footer')}</footer>
    </div>
  );
};

/**
 * The shell of the procedure pages reachable without signing in: the signed-in shell (with the
 * navigation) for a signed-in user, the public one otherwise.
 */
export const ProceduresShell = () => {
  const { state } = useSession();
  const user = state.status === 'ready' ? state.user : null;
  return user && !user.mustChangePassword ? <AppLayout /> : <PublicLayout />;
};
