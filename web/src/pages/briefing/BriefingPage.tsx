import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, Popconfirm, Row, Segmented, Space, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { briefingApi } from '../../api/briefing';
import { lastEndedMonth } from '../../api/reports';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { showFieldErrors } from '../../components/errors';
import { useT } from '../../i18n/I18nProvider';
import { MonthPicker, saveUrl, usePeriodText } from '../reports/shared';
import '../reports/reports.css';

type TFields = { number: string; signingAuthority: string; signerTitle: string; signerName: string };
const NUMBER = /^\d{1,4}\/[A-ZĐ-]+$/;

/** Paragraphs of the edited text: blocks separated by blank lines, each joined into one line. */
export const splitParagraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

/** The monthly briefing: drafted narrative for a period, edited, exported as the official DOCX, with the XLSX annex. */
const BriefingPage = () => {
  const t = useT();
  const periodText = usePeriodText();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [draftLocale, setDraftLocale] = useState<'vi' | 'en'>('vi');
  const [text, setText] = useState('');
  const [textError, setTextError] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [form] = Form.useForm<TFields>();
  const query = useApiQuery(`briefing:${period ?? ''}:${draftLocale}`, (signal) => briefingApi.draft(period, draftLocale, signal));
  const draft = query.data;
  const shownPeriod = draft?.period ?? period ?? lastEndedMonth();

  useEffect(() => {
    if (draft) setText(draft.paragraphs.join('\n\n'));
  }, [draft]);

  const paragraphs = splitParagraphs(text);

  const exportDocx = async () => {
    setExportError(null);
    const fields = await form.validateFields();
    if (paragraphs.length === 0) {
      setTextError(true);
      return;
    }
    setExporting(true);
    try {
      const blob = await briefingApi.docx({ period: shownPeriod, paragraphs, ...fields });
      const fileName = `bao-cao-${shownPeriod}.docx`;
      const url = URL.createObjectURL(blob);
      saveUrl(url, fileName);
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      void message.success(t('briefing.exported', { file: fileName }));
    } catch (error) {
      showFieldErrors(form, error, ['number', 'signingAuthority', 'signerTitle', 'signerName']);
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader title={t('briefing.title')} />
      <Space orientation="vertical" size="middle" className="full-width">
        <Card>
          <Typography.Paragraph type="secondary">{t('briefing.intro')}</Typography.Paragraph>
          <Flex wrap gap="middle" align="center">
            <Space>
              <label htmlFor="briefing-period">{t('briefing.period')}</label>
              <MonthPicker id="briefing-period" value={shownPeriod} latest={lastEndedMonth()} onChange={setPeriod} />
            </Space>
            <Space>
              <span>{t('briefing.language')}</span>
              <Segmented<'vi' | 'en'>
                value={draftLocale}
                onChange={setDraftLocale}
                options={[
                  { value: 'vi', label: t('language.viName') },
                  { value: 'en', label: t('language.enName') },
                ]}
              />
            </Space>
            <Popconfirm title={t('briefing.reloadConfirm')} onConfirm={() => (draft ? setText(draft.paragraphs.join('\n\n')) : query.reload())} okText={t('briefing.reload')} cancelText={t('common.cancel')}>
              <Button icon={<ReloadOutlined />}>{t('briefing.reload')}</Button>
            </Popconfirm>
          </Flex>
        </Card>
        {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card loading={query.loading && !draft} title={<Typography.Title level={2} className="card-title">{`${t('briefing.text')} – ${periodText(shownPeriod)}`}</Typography.Title>} extra={<Typography.Text type="secondary">{t('briefing.paragraphs', { count: paragraphs.length })}</Typography.Text>}>
              <label htmlFor="briefing-text" className="visually-hidden">
                {t('briefing.text')}
              </label>
              <Input.TextArea
                id="briefing-text"
                className="briefing-text"
                value={text}
                status={textError ? 'error' : undefined}
                autoSize={{ minRows: 14, maxRows: 40 }}
                onChange={(e) => {
                  setText(e.target.value);
                  setTextError(false);
                }}
              />
              <Typography.Text type={textError ? 'danger' : 'secondary'}>{textError ? t('briefing.emptyText') : t('briefing.textHelp')}</Typography.Text>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card>
              <Form<TFields>
                form={form}
                layout="vertical"
                initialValues={{ number: `01/BC-SCT`, signingAuthority: 'KT. GIÁM ĐỐC', signerTitle: 'PHÓ GIÁM ĐỐC', signerName: '' }}
              >
                <Form.Item name="number" label={t('briefing.number')} extra={t('briefing.numberHelp')} rules={[{ required: true, pattern: NUMBER, message: t('briefing.numberInvalid') }]}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item name="signingAuthority" label={t('briefing.signingAuthority')} rules={[{ required: true, min: 2, message: t('common.requiredField', { field: t('briefing.signingAuthority') }) }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="signerTitle" label={t('briefing.signerTitle')} rules={[{ required: true, min: 2, message: t('common.requiredField', { field: t('briefing.signerTitle') }) }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="signerName" label={t('briefing.signerName')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.requiredField', { field: t('briefing.signerName') }) }]}>
                  <Input maxLength={100} />
                </Form.Item>
              </Form>
              {exportError !== null && <ApiErrorAlert error={exportError} fields={['number', 'signingAuthority', 'signerTitle', 'signerName']} />}
              <Space orientation="vertical" className="full-width">
                <Button type="primary" block icon={<FileWordOutlined />} loading={exporting} disabled={!draft} onClick={() => void exportDocx().catch(() => undefined)}>
                  {t('briefing.exportDocx')}
                </Button>
                <Button block icon={<DownloadOutlined />} disabled={!draft} onClick={() => saveUrl(briefingApi.annexUrl(shownPeriod))}>
                  {t('briefing.exportAnnex')}
                </Button>
              </Space>
            </Card>
          </Col>
        </Row>
      </Space>
    </>
  );
};

export default BriefingPage;
