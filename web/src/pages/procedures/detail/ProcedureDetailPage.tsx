import { Alert, Card, Col, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EyeOutlined, HistoryOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { getProcedure, type TProcedureDetail, type TProcedureVersion } from '../../../api/procedures';
import { useApiQuery } from '../../../api/useApiQuery';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { vietnamToday } from '../../calendar/today';
import { ChangeKindTag, ProcedureStatusTag, useProcedureFields } from '../labels';
import { ProcedureContentSections } from './ProcedureContentSections';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every version, newest first, with its decision; the version shown is marked, the others open with ?at=. */
const VersionHistory = ({ detail, shown }: { detail: TProcedureDetail; shown: TProcedureVersion | null }) => {
  const t = useT();
  const format = useFormat();
  const today = vietnamToday();
  /** The version in force today opens without ?at= (the page's default). */
  const inForceToday = [...detail.versions].reverse().find((version) => version.effectiveFrom <= today);
  const versions = [...detail.versions].reverse();
  return (
    <Card className="procedure-section version-history" aria-labelledby="procedure-history-title">
      <Typography.Title level={2} className="card-title" id="procedure-history-title">
        {t('procedures.detail.sections.history')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('procedures.detail.versionsCount', { count: format.number(detail.versions.length) })}</Typography.Paragraph>
      <ol className="version-list">
        {versions.map((version) => {
          const isShown = shown?.id === version.id;
          const link = version.id === inForceToday?.id ? `/procedures/${encodeURIComponent(detail.code)}` : `/procedures/${encodeURIComponent(detail.code)}?at=${version.effectiveFrom}`;
          return (
            <li key={version.id} className={isShown ? 'version-item version-item-shown' : 'version-item'} aria-current={isShown ? 'true' : undefined}>
              <Flex wrap gap="small" align="center">
                <ChangeKindTag kind={version.changeKind} />
                <Typography.Text strong>{t(version.changeKind === 'ABOLISHED' ? 'procedures.detail.abolishedOn' : 'procedures.detail.effectiveOn', { date: format.date(version.effectiveFrom) })}</Typography.Text>
              </Flex>
              <div>{t('procedures.detail.decisionText', { number: version.decision.number, date: format.date(version.decision.signedOn) })}</div>
              <Typography.Text type="secondary" className="small-text">
                {version.decision.issuer}
              </Typography.Text>
              <div className="version-action">
                {isShown ? (
                  <Tag color="blue">{t('procedures.detail.viewing')}</Tag>
                ) : (
                  <Link to={link} aria-label={t('procedures.detail.viewVersionOf', { date: format.date(version.effectiveFrom) })}>
                    <EyeOutlined aria-hidden /> {t('procedures.detail.viewVersion')}
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
};

/** A procedure: every record field of the version in force (today or ?at=), and its version history with the publication decisions. */
const ProcedureDetailPage = () => {
  const t = useT();
  const format = useFormat();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const rawAt = params.get('at');
  const at = rawAt && ISO_DATE.test(rawAt) ? rawAt : undefined;
  const fields = useProcedureFields();
  const detail = useApiQuery(`${code}:${at ?? ''}`, (signal) => getProcedure(code, at, signal));
  const data = detail.data?.code === code ? detail.data : undefined;
  const back = (
    <Link to="/procedures" className="back-link">
      <ArrowLeftOutlined aria-hidden /> {t('procedures.detail.back')}
    </Link>
  );

  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return (
      <>
        {back}
        <PageHeader title={t('procedures.detail.notFoundTitle')} />
        <Result status="404" subTitle={t('procedures.detail.notFound', { code })} />
      </>
    );
  }
  if (!data) {
    return (
      <>
        {back}
        {detail.error ? <ApiErrorAlert error={detail.error} onRetry={detail.reload} /> : <Skeleton active paragraph={{ rows: 8 }} />}
      </>
    );
  }

  const current = data.current;
  const shownContent = current?.content ?? data.versions.at(-1)?.content;
  const latest = data.versions.at(-1);
  const isLatest = !current || current.id === latest?.id;
  const fieldName = fields.fieldName(data.fieldCode);
  const abolished = current?.changeKind === 'ABOLISHED' ? current : null;

  return (
    <>
      {back}
      <PageHeader title={shownContent?.name ?? code} />
      <Flex wrap gap="small" align="center" className="toolbar procedure-meta">
        <Tag className="procedure-code">{t('procedures.detail.codeValue', { code })}</Tag>
        <Tag color="default">{fieldName}</Tag>
        <ProcedureStatusTag status={data.status} />
        <a href="#procedure-history-title" className="history-jump">
          <HistoryOutlined aria-hidden /> {t('procedures.detail.historyJump', { count: format.number(data.versions.length) })}
        </a>
      </Flex>
      {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.reload} />}
      {at && (
        <Alert
          type="info"
          showIcon
          className="toolbar"
          title={current ? t('procedures.detail.viewingAt', { date: format.date(at) }) : t('procedures.detail.notInForce', { date: format.date(at) })}
          description={current && !isLatest ? t('procedures.detail.olderVersion') : undefined}
          action={
            <Link to={`/procedures/${encodeURIComponent(code)}`} className="alert-action-link">
              {t('procedures.detail.viewCurrent')}
            </Link>
          }
        />
      )}
      {abolished && (
        <Alert
          type="error"
          showIcon
          role="note"
          className="toolbar procedure-abolished"
          title={t('procedures.detail.abolished', { date: format.date(abolished.effectiveFrom), number: abolished.decision.number })}
          description={t('procedures.detail.abolishedContent')}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {shownContent && current ? (
            <ProcedureContentSections content={shownContent} code={code} fieldName={fieldName} effectiveFrom={current.effectiveFrom} />
          ) : (
            <Card>
              <Typography.Text type="secondary">{t('procedures.detail.noVersion')}</Typography.Text>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <VersionHistory detail={data} shown={current} />
        </Col>
      </Row>
    </>
  );
};

export default ProcedureDetailPage;
