import { useState } from 'react';
import { Tabs } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { LineageTab } from './LineageTab';
import { UnitImportTab } from './UnitImportTab';
import { UnitsTab } from './UnitsTab';

const UnitsPage = () => {
  const t = useT();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <PageHeader title={t('units.title')} />
      <Tabs
        items={[
          { key: 'units', label: t('units.tabList'), children: <UnitsTab reloadKey={reloadKey} /> },
          { key: 'lineage', label: t('units.tabLineage'), children: <LineageTab /> },
          { key: 'import', label: t('units.tabImport'), children: <UnitImportTab onImported={() => setReloadKey((n) => n + 1)} /> },
        ]}
      />
    </>
  );
};

export default UnitsPage;
