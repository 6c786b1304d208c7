import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Timeline, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../../api/useApiQuery';
import { PageHeader } from '../../components/PageHeader';
import { useT, type TKey } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { DOSSIER_CODE_RE, dossiersApi } from './dossiersApi';
import { StateTag, useDossierLabels } from './labels';
import './dossiers.css';

/** Public lookup by dossier code (anonymous): status, unit, dates and history, no personal data. */
const LookupPage = () => {
  const t = useT();
  const format = useFormat();
  const labels = useDossierLabels();
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const [text, setText] = useState(code);
  const isValid = DOSSIER_CODE_RE.test(code);
  const query = useApiQuery(`dossiers:lookup:${code}`, (signal) => dossiersApi.lookup(code, signal), isValid);
  const d = isValid ? query.data : undefined;
  const isNotFound = query.error?.status === 404;
  return (
    <div className="dossier-lookup">
      <PageHeader title={t('dossiers.lookup.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('dossiers.lookup.intro')}</Typography.Paragraph>
        <Form layout="inline" className="dossier-lookup-form" onFinish={() => setParams(text.trim() ? { code: text.trim().toUpperCase() } : {})}>
          <Form.Item label={t('dossiers.lookup.code')} style={{ flex: '1 1 360px' }}>
            <Input aria-label={t('dossiers.lookup.code')} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('dossiers.lookup.placeholder')} allowClear />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('dossiers.lookup.search')}
          </Button>
        </Form>
        {code && !isValid && <Alert type="warning" showIcon title={t('dossiers.lookup.malformed')} />}
        {isNotFound && <Alert type="info" showIcon title={t('dossiers.lookup.notFound')} />}
        {query.error && !isNotFound && isValid && <Alert type="error" showIcon title={query.error.message} />}
        {d && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('dossiers.common.code')} span={2}>
                <Typography.Text strong copyable>
                  {d.code}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('dossiers.common.procedure')} span={2}>
                {d.procedureCode} — {d.procedureName}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossiers.lookup.status')}>
                <StateTag state={d.state} /> {d.nationalStatus ? <Typography.Text type="secondary">{t('dossiers.lookup.nationalStatus', { n: d.nationalStatus })}</Typography.Text> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossiers.common.unit')}>{d.unitName ? labels.unit(d.unitCode) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.common.channel')}>{labels.channel(d.channel)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.common.receivedAt')}>{format.dateTime(d.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.common.dueAt')}>{format.dateTime(d.currentDueAt ?? d.dueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.common.rescheduledDueAt')}>{format.dateTime(d.rescheduledDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('dossiers.lookup.result')} span={2}>
                {d.resultAvailable ? `${t('dossiers.lookup.resultReady')}${d.result ? ` (${t(`dossiers.results.${d.result}` as TKey)})` : ''}` : t('dossiers.lookup.resultPending')}
              </Descriptions.Item>
            </Descriptions>
            <div>
              <Typography.Title level={2} className="dossier-section-title">
                {t('dossiers.lookup.history')}
              </Typography.Title>
              <Timeline
                items={d.history.map((h) => ({
                  children: (
                    <>
                      <Typography.Text strong>{labels.transition(h.transition)}</Typography.Text>
                      {h.state ? ` → ${labels.state(h.state)}` : ''}
                      <div>
                        <Typography.Text type="secondary">
                          {format.dateTime(h.at)}
                          {h.unitName ? ` · ${h.unitName}` : ''}
                        </Typography.Text>
                      </div>
                    </>
                  ),
                }))}
              />
            </div>
            <Typography.Text type="secondary">{t('dossiers.lookup.privacy')}</Typography.Text>
          </Space>
        )}
      </Card>
    </div>
  );
};

export default LookupPage;
