import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { listProcedures, type TProcedureSummary } from '../../../api/procedures';
import { useApiQuery } from '../../../api/useApiQuery';
import { useT } from '../../../i18n/I18nProvider';

type TProps = {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  status?: '' | 'error' | 'warning';
  'aria-describedby'?: string;
};

/** Picks a procedure of the catalogue by code or name (searched on the server, without diacritics); abolished ones cannot be chosen. */
export const ProcedurePicker = ({ id, value, onChange, status, ...rest }: TProps) => {
  const t = useT();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [search]);
  const list = useApiQuery(`picker:${query}`, (signal) => listProcedures({ q: query || undefined, page: 1, pageSize: 30 }, signal));
  const items: TProcedureSummary[] = list.data?.items ?? [];
  const options = items.map((item) => ({
    value: item.code,
    label: `${item.code} – ${item.name}`,
    disabled: item.status === 'ABOLISHED',
    title: item.status === 'ABOLISHED' ? t('procedures.publish.pickerAbolished') : `${item.code} – ${item.name}`,
  }));
  if (value && !options.some((option) => option.value === value)) options.unshift({ value, label: value, disabled: false, title: value });

  return (
    <Select
      id={id}
      aria-describedby={rest['aria-describedby']}
      className="full-width"
      value={value}
      status={status}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onChange={(code: string | undefined) => {
        setSearch('');
        onChange?.(code);
      }}
      allowClear
      loading={list.loading}
      placeholder={t('procedures.publish.codeSearch')}
      notFoundContent={list.loading ? t('common.loading') : t('procedures.empty')}
      popupMatchSelectWidth={false}
      classNames={{ popup: { root: 'wide-select-popup' } }}
      options={options}
    />
  );
};
