import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { TProcedureContent } from '../../../api/procedures';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { OnlineLevelTag, useProcessingTimeText } from '../labels';

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Card className="procedure-section" aria-labelledby={`${id}-title`}>
    <Typography.Title level={2} className="card-title" id={`${id}-title`}>
      {title}
    </Typography.Title>
    {children}
  </Card>
);

const Paragraphs = ({ text }: { text: string }) => <div className="procedure-text">{text}</div>;

type TProps = { content: TProcedureContent; code: string; fieldName: string; effectiveFrom: string };

/** Every record field of a procedure version, in the order of the public catalogue (general, sequence, methods, dossier, time, fees, result, requirements, legal basis). */
export const ProcedureContentSections = ({ content, code, fieldName, effectiveFrom }: TProps) => {
  const t = useT();
  const format = useFormat();
  const timeText = useProcessingTimeText();
  const yesNo = (value: boolean | undefined) => (value ? t('common.yes') : t('common.no'));
  const none = <Typography.Text type="secondary">{t('procedures.detail.none')}</Typography.Text>;

  return (
    <Flex vertical gap="middle">
      <Section id="procedure-general" title={t('procedures.detail.sections.general')}>
        <Descriptions
          column={1}
          size="small"
          bordered
          className="procedure-descriptions"
          items={[
            { key: 'code', label: t('procedures.detail.code'), children: code },
            { key: 'field', label: t('procedures.detail.field'), children: fieldName },
            { key: 'level', label: t('procedures.detail.implementationLevel'), children: t(`procedures.levels.${content.implementationLevel}`) },
            {
              key: 'subjects',
              label: t('procedures.detail.subjects'),
              children: (
                <Flex wrap gap={4}>
                  {content.subjects.map((subject) => (
                    <Tag key={subject}>{t(`procedures.subjects.${subject}`)}</Tag>
                  ))}
                </Flex>
              ),
            },
            { key: 'competent', label: t('procedures.detail.competent'), children: content.agencies.competent },
            { key: 'implementing', label: t('procedures.detail.implementing'), children: content.agencies.implementing },
            ...(content.agencies.delegated ? [{ key: 'delegated', label: t('procedures.detail.delegated'), children: content.agencies.delegated }] : []),
            ...(content.agencies.coordinating ? [{ key: 'coordinating', label: t('procedures.detail.coordinating'), children: content.agencies.coordinating }] : []),
            { key: 'online', label: t('procedures.detail.onlineLevel'), children: <OnlineLevelTag level={content.onlineServiceLevel} /> },
            { key: 'eligible', label: t('procedures.detail.eligibleFullOnline'), children: yesNo(content.eligibleFullOnline) },
            { key: 'oneStop', label: t('procedures.detail.receivedAtOneStop'), children: yesNo(content.receivedAtOneStop ?? true) },
            { key: 'effective', label: t('procedures.detail.effectiveFrom'), children: format.date(effectiveFrom) },
          ]}
        />
      </Section>

      <Section id="procedure-sequence" title={t('procedures.detail.sections.sequence')}>
        {content.sequence?.trim() ? <Paragraphs text={content.sequence} /> : none}
      </Section>

      <Section id="procedure-methods" title={t('procedures.detail.sections.methods')}>
        <Table
          rowKey={(row) => row.channel}
          size="small"
          pagination={false}
          dataSource={content.methods}
          scroll={{ x: 480 }}
          columns={[
            { key: 'channel', title: t('procedures.detail.channel'), render: (_value, row) => t(`procedures.channels.${row.channel}`) },
            { key: 'time', title: t('procedures.detail.sections.time'), render: (_value, row) => timeText(row.processingTime) },
            { key: 'note', title: t('procedures.detail.note'), render: (_value, row) => row.note || '—' },
          ]}
        />
      </Section>

      <Section id="procedure-dossier" title={t('procedures.detail.sections.dossier')}>
        <Table
          rowKey={(_row, index) => String(index)}
          size="small"
          pagination={false}
          dataSource={content.dossierComponents}
          scroll={{ x: 560 }}
          columns={[
            { key: 'index', title: '#', width: 44, render: (_value, _row, index) => format.number(index + 1) },
            {
              key: 'name',
              title: t('procedures.detail.component'),
              render: (_value, row) => (
                <Flex vertical>
                  <span>{row.name}</span>
                  {row.templateForm && <Typography.Text type="secondary" className="small-text">{t('procedures.detail.templateForm', { form: row.templateForm })}</Typography.Text>}
                  {row.reusableFromDatabase && <Typography.Text type="secondary" className="small-text">{t('procedures.detail.reusable')}</Typography.Text>}
                </Flex>
              ),
            },
            { key: 'originals', title: t('procedures.detail.originals'), width: 90, align: 'right', render: (_value, row) => format.number(row.originals) },
            { key: 'copies', title: t('procedures.detail.copies'), width: 90, align: 'right', render: (_value, row) => format.number(row.copies) },
          ]}
        />
        <Typography.Paragraph className="section-footnote">{t('procedures.detail.dossierSets', { count: format.number(content.dossierSets ?? 1) })}</Typography.Paragraph>
      </Section>

      <Section id="procedure-time" title={t('procedures.detail.sections.time')}>
        <Typography.Text strong>{timeText(content.processingTime)}</Typography.Text>
        <Typography.Paragraph type="secondary" className="section-footnote">
          {t('procedures.detail.timeHint')}
        </Typography.Paragraph>
      </Section>

      <Section id="procedure-fees" title={t('procedures.detail.sections.fees')}>
        {content.fees.length === 0 ? (
          <Typography.Text>{t('procedures.detail.noFees')}</Typography.Text>
        ) : (
          <Table
            rowKey={(_row, index) => String(index)}
            size="small"
            pagination={false}
            dataSource={content.fees}
            scroll={{ x: 560 }}
            columns={[
              { key: 'type', title: t('procedures.detail.feeType'), width: 90, render: (_value, row) => t(`procedures.feeTypes.${row.type}`) },
              {
                key: 'amount',
                title: t('procedures.detail.amount'),
                width: 170,
                render: (_value, row) => (
                  <Flex vertical>
                    <span className="nowrap">{t('procedures.detail.amountVnd', { amount: format.number(row.amountVnd) })}</span>
                    {(row.onlineDiscountPct ?? 0) > 0 && (
                      <Typography.Text type="secondary" className="small-text">
                        {t('procedures.detail.onlineDiscount', { percent: format.percent(row.onlineDiscountPct, 0) })}
                      </Typography.Text>
                    )}
                  </Flex>
                ),
              },
              { key: 'basis', title: t('procedures.detail.feeBasis'), render: (_value, row) => row.legalBasis || '—' },
            ]}
          />
        )}
      </Section>

      <Section id="procedure-result" title={t('procedures.detail.sections.result')}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: t('procedures.detail.resultName'), children: content.result.name },
            { key: 'electronic', label: t('procedures.detail.electronic'), children: yesNo(content.result.electronicAvailable) },
          ]}
        />
      </Section>

      <Section id="procedure-requirements" title={t('procedures.detail.sections.requirements')}>
        {content.requirements?.trim() ? <Paragraphs text={content.requirements} /> : none}
      </Section>

      <Section id="procedure-legal" title={t('procedures.detail.sections.legalBasis')}>
        <Table
          rowKey={(row) => row.number}
          size="small"
          pagination={false}
          dataSource={content.legalBasis}
          scroll={{ x: 560 }}
          columns={[
            { key: 'number', title: t('procedures.detail.legalNumber'), width: 150, render: (_value, row) => <span className="nowrap">{row.number}</span> },
            { key: 'title', title: t('procedures.detail.legalTitle'), dataIndex: 'title' },
            { key: 'date', title: t('procedures.detail.legalDate'), width: 120, render: (_value, row) => format.date(row.date) },
            { key: 'effective', title: t('procedures.detail.legalEffective'), width: 120, render: (_value, row) => format.date(row.effectiveDate ?? null) },
          ]}
        />
      </Section>
    </Flex>
  );
};
