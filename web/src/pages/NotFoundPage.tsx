import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../components/PageHeader';
import { useT } from '../i18n/I18nProvider';

const NotFoundPage = () => {
  const t = useT();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Result
        status="404"
        subTitle={t('notFound.description')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </>
  );
};

export default NotFoundPage;
