import { Result } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useUser } from '../../../session/SessionProvider';
import { EnterpriseProfile } from './EnterpriseProfile';

/** "My enterprise": the profile of the enterprise the signed-in enterprise user belongs to. */
const MyEnterprisePage = () => {
  const t = useT();
  const user = useUser();
  const id = user.enterpriseIds[0];
  if (id === undefined) {
    return (
      <>
        <PageHeader title={t('nav.myEnterprise')} />
        <Result status="info" subTitle={t('enterprises.profile.noEnterprise')} />
      </>
    );
  }
  return <EnterpriseProfile key={id} id={id} title={t('nav.myEnterprise')} />;
};

export default MyEnterprisePage;
