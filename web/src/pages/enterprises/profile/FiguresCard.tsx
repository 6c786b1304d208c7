import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import type { TClassification, TEnterpriseFigures, TSmeClass } from '../../../api/types';
import { useLocale, useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { SizeClassTag } from '../EnterpriseTags';
import { describeReason } from '../reason';
import { FiguresFormModal } from './FiguresFormModal';

const SME_CLASSES: readonly string[] = ['MICRO', 'SMALL', 'MEDIUM', 'NOT_SME', 'INVALID_INPUT'];

type TProps = { enterpriseId: number; figures: TEnterpriseFigures[]; canEdit: boolean; onChanged: () => void };

/** Yearly figures with the SME class of each year, its rule and reason; writers record a year. */
export const FiguresCard = ({ enterpriseId, figures, canEdit, onChanged }: TProps) => {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<{ year: number; classification: TClassification } | null>(null);
  const className = (value: string) => (SME_CLASSES.includes(value) ? t(`enterprises.sizeClasses.${value as TSmeClass}`) : value);
  const reasonText = (reason: unknown, fallback: string) => describeReason(reason, t, format) ?? fallback;

  const columns: TableColumnsType<TEnterpriseFigures> = [
    { key: 'year', title: t('enterprises.fields.year'), dataIndex: 'year', width: 60 },
    { key: 'employees', title: t('enterprises.fields.avgInsuredEmployees'), align: 'right', width: 96, render: (_value, row) => format.decimalText(row.avgInsuredEmployees) },
    { key: 'revenue', title: t('enterprises.fields.revenueVnd'), align: 'right', render: (_value, row) => <span className="nowrap">{format.decimalText(row.revenueVnd)}</span> },
    { key: 'capital', title: t('enterprises.fields.capitalVnd'), align: 'right', render: (_value, row) => <span className="nowrap">{format.decimalText(row.capitalVnd)}</span> },
    { key: 'export', title: t('enterprises.fields.exportUsd'), align: 'right', width: 100, render: (_value, row) => <span className="nowrap">{format.decimalText(row.exportUsd)}</span> },
    {
      key: 'class',
      title: t('enterprises.fields.sizeClass'),
      width: 140,
      render: (_value, row) => (
        <Flex vertical gap={2} align="start">
          <SizeClassTag sizeClass={row.sizeClass} />
          <Typography.Text type="secondary" className="small-text" title={t('enterprises.fields.ruleVersion')}>
            {row.ruleVersion}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={2} className="card-title">
          {t('enterprises.figures.title')}
        </Typography.Title>
      }
      extra={
        canEdit && (
          <Button icon={<BarChartOutlined />} onClick={() => setOpen(true)}>
            {t('enterprises.figures.update')}
          </Button>
        )
      }
    >
      {result && (
        <Alert
          type="success"
          showIcon
          closable={{ 'aria-label': t('common.close'), onClose: () => setResult(null) }}
          className="form-error figures-result"
          title={t('enterprises.figures.resultTitle', { year: result.year, class: className(result.classification.class) })}
          description={reasonText(result.classification.reason, locale === 'vi' ? result.classification.messageVi : result.classification.messageEn)}
        />
      )}
      <Table<TEnterpriseFigures>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={figures}
        pagination={false}
        scroll={{ x: 620 }}
        tableLayout="fixed"
        // The reason is a sentence: it gets the full width under its year.
        expandable={{
          expandedRowKeys: figures.map((row) => row.year),
          expandedRowRender: (row) => (
            <Typography.Text className="figures-reason">
              <span className="visually-hidden">{t('enterprises.fields.reason')}: </span>
              {reasonText(row.reason, '—')}
            </Typography.Text>
          ),
          showExpandColumn: false,
          expandedRowClassName: () => 'figures-reason-row',
        }}
        locale={{ emptyText: t('enterprises.figures.empty') }}
      />
      {canEdit && (
        <FiguresFormModal
          enterpriseId={enterpriseId}
          figures={figures}
          open={open}
          onClose={() => setOpen(false)}
          onSaved={(year, classification) => {
            setOpen(false);
            setResult({ year, classification });
            void message.success(t('enterprises.figures.saved', { year, class: className(classification.class) }));
            onChanged();
          }}
        />
      )}
    </Card>
  );
};
