import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { TPermission } from '../api/types';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n/I18nProvider';
import { hasPermission, useUser } from '../session/SessionProvider';

/** Renders the page only for users holding `permission`; others get an explicit "access denied". */
export const RequirePermission = ({ permission, children }: { permission: TPermission; children: ReactNode }) => {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  if (hasPermission(user, permission)) return children;
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <Result
        status="403"
        subTitle={t('forbidden.description')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </>
  );
};
