import type { ComponentType } from 'react';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { DeflatorsTab } from './DeflatorsTab';
import { FormsTab } from './FormsTab';
import { ProductsTab } from './ProductsTab';
import { TetTab } from './TetTab';
import { WeightsTab } from './WeightsTab';

const TABS = ['products', 'weights', 'deflators', 'tet', 'forms'] as const;
type TTab = (typeof TABS)[number];

/**
 * Reference data of the indicators (statistics officers): the product basket, weight versions,
 * deflators, official Tết windows, report forms and their survey frame. The tab lives in the URL.
 */
const BasketPage = () => {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab: TTab = TABS.find((candidate) => candidate === params.get('tab')) ?? 'products';
  const panes: Record<TTab, ComponentType> = { products: ProductsTab, weights: WeightsTab, deflators: DeflatorsTab, tet: TetTab, forms: FormsTab };
  return (
    <>
      <PageHeader title={t('basket.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={TABS.map((key) => {
          const Pane = panes[key];
          return { key, label: t(`basket.tabs.${key}`), children: <Pane /> };
        })}
      />
    </>
  );
};

export default BasketPage;
