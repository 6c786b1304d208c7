import { Tabs, Typography } from 'antd';
import { getPci, listCategories } from '../../../api/support';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { hasPermission, useUser } from '../../../session/SessionProvider';
import { PciPlans } from './PciPlans';
import { PciScores } from './PciScores';
import '../support.css';

/**
 * Hà Nội's PCI: scores and ranks by year with the lowest sub-indices highlighted (every signed-in
 * user; the figures are public), and the improvement plans (Department staff).
 */
const PciPage = () => {
  const t = useT();
  const user = useUser();
  const canRead = hasPermission(user, 'support.read');
  const canManage = hasPermission(user, 'support.manage');
  const pci = useApiQuery('pci', getPci);
  const categories = useApiQuery('support:categories', listCategories, canRead);

  const scores = pci.data && (
    <PciScores key={pci.data.years.map((y) => `${y.year}:${y.composite}`).join()} pci={pci.data} categories={categories.data?.items ?? []} canManage={canManage} onSaved={pci.reload} />
  );
  return (
    <>
      <PageHeader title={t('support.pci.title')} />
      <Typography.Paragraph type="secondary">{t('support.pci.intro')}</Typography.Paragraph>
      {pci.error && <ApiErrorAlert error={pci.error} onRetry={pci.reload} />}
      {pci.data &&
        (canRead ? (
          <Tabs
            items={[
              { key: 'scores', label: t('support.pci.tabScores'), children: scores },
              { key: 'plans', label: t('support.pci.tabPlans'), children: <PciPlans pci={pci.data} canManage={canManage} /> },
            ]}
          />
        ) : (
          scores
        ))}
    </>
  );
};

export default PciPage;
