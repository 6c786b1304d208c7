import { useEffect, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider';

/** The page heading (the only h1 of the page) and the document title. */
export const PageHeader = ({ title, extra }: { title: string; extra?: ReactNode }) => {
  const t = useT();
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);
  return (
    <Flex className="page-header" justify="space-between" align="center" wrap gap="small">
      <Typography.Title level={1} className="page-title">
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
};
