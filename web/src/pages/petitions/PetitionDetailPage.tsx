import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Select, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { contributeToPetition, getPetition, movePetition, publishPetition, type TPetitionTransition } from '../../api/petitions';
import { getPci, listAgencies } from '../../api/support';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';
import { hasPermission, useUser } from '../../session/SessionProvider';
import { OverdueTag, useSupportNames } from '../support/labels';
import { PetitionStateTag } from './labels';
import '../support/support.css';

const NEEDS_REASON: readonly TPetitionTransition[] = ['transfer', 'return_draft', 'reopen', 'reject', 'transfer_out'];
const NEEDS_AGENCY: readonly TPetitionTransition[] = ['assign', 'transfer'];
const DANGER: readonly TPetitionTransition[] = ['reject', 'reopen', 'return_draft', 'transfer_out'];

/** A petition: what was asked, where it is, the approved reply, and the actions the user may take. */
const PetitionDetailPage = () => {
  const t = useT();
  const format = useFormat();
  const names = useSupportNames();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const user = useUser();
  const isStaff = hasPermission(user, 'support.read');
  const isOfficer = hasPermission(user, 'support.manage');
  const petition = useApiQuery(`petition:${id}`, (signal) => getPetition(id, signal));
  const pci = useApiQuery('pci', getPci, isStaff);
  const agencies = useApiQuery('support:agencies', listAgencies, isStaff);
  const [reason, setReason] = useState('');
  const [agencyId, setAgencyId] = useState<number | undefined>();
  const [coAgencyIds, setCoAgencyIds] = useState<number[]>([]);
  const [outAgencyId, setOutAgencyId] = useState<number | undefined>();
  const [contribution, setContribution] = useState<{ agencyId?: number; content: string }>({ content: '' });
  const [reply, setReply] = useState('');
  const [qa, setQa] = useState({ question: '', answer: '' });
  const [error, setError] = useState<unknown>(null);
  const [contributionError, setContributionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const p = petition.data;

  useEffect(() => {
    if (!p) return;
    setReply(p.draftReply ?? '');
    setCoAgencyIds(p.coAgencies.map((a) => a.id));
    setContribution((c) => ({ ...c, agencyId: c.agencyId ?? p.contributeAs[0]?.id }));
    if (p.publication) setQa({ question: p.publication.question, answer: p.publication.answer });
  }, [p]);

  const act = async (transition: TPetitionTransition) => {
    setBusy(true);
    setError(null);
    try {
      const isRouting = NEEDS_AGENCY.includes(transition);
      await movePetition(id, {
        transition,
        reason: reason.trim() || undefined,
        agencyId: isRouting ? agencyId : transition === 'transfer_out' ? outAgencyId : undefined,
        coAgencyIds: isRouting ? coAgencyIds : undefined,
        reply: transition === 'draft_reply' ? reply : undefined,
      });
      void message.success(t('petitions.saved'));
      setReason('');
      petition.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const contribute = async () => {
    if (contribution.agencyId === undefined) return;
    setBusy(true);
    setContributionError(null);
    try {
      await contributeToPetition(id, { agencyId: contribution.agencyId, content: contribution.content.trim() });
      void message.success(t('petitions.contributed'));
      setContribution({ agencyId: contribution.agencyId, content: '' });
      petition.reload();
    } catch (caught) {
      setContributionError(caught);
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await publishPetition(id, { question: qa.question.trim(), answer: qa.answer.trim() });
      void message.success(t('petitions.saved'));
      petition.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const allowed = p?.allowedTransitions ?? [];
  const canPublish = isOfficer && p !== undefined && p.reply !== null && (p.state === 'ANSWERED' || p.state === 'CLOSED');
  return (
    <>
      <Link to="/petitions" className="back-link">
        <ArrowLeftOutlined aria-hidden /> {t('petitions.back')}
      </Link>
      <PageHeader title={p ? `${p.code} — ${p.subject}` : t('petitions.title')} />
      {petition.error && <ApiErrorAlert error={petition.error} onRetry={petition.reload} />}
      {p && (
        <Flex vertical gap="middle">
          <Card>
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 200 } }}
              items={[
                { key: 'state', label: t('petitions.state'), children: <PetitionStateTag state={p.state} /> },
                { key: 'category', label: t('petitions.category'), children: t(`petitions.categories.${p.category}`) },
                { key: 'channel', label: t('petitions.channel'), children: t(`petitions.channels.${p.channel}`) },
                { key: 'enterprise', label: t('petitions.enterprise'), children: p.enterprise.name },
                ...(p.conference ? [{ key: 'conference', label: t('petitions.conference'), children: isStaff ? <Link to={`/support/conferences/${p.conference.id}`}>{`${format.date(p.conference.heldOn)} — ${p.conference.topic}`}</Link> : `${format.date(p.conference.heldOn)} — ${p.conference.topic}` }] : []),
                { key: 'agency', label: t('petitions.leadAgency'), children: p.agency?.name ?? '—' },
                ...(p.coAgencies.length ? [{ key: 'coAgencies', label: t('petitions.coAgencies'), children: <Space wrap size={4}>{p.coAgencies.map((a) => <Tag key={a.id}>{a.name}</Tag>)}</Space> }] : []),
                ...(p.transferredOut ? [{ key: 'transferredOut', label: t('petitions.transferredOut'), children: <span className="petition-transferred-out">{t('petitions.transferredOutText', { date: format.date(p.transferredOut.at), agency: p.transferredOut.agency.name, reason: p.transferredOut.reason })}</span> }] : []),
                { key: 'openedAt', label: t('petitions.openedAt'), children: format.dateTime(p.openedAt) },
                { key: 'dueAt', label: t('petitions.dueAt'), children: <Space>{p.dueAt ? format.date(p.dueAt) : '—'}{p.isOverdue && <OverdueTag />}</Space> },
                ...(p.answeredAt ? [{ key: 'answeredAt', label: t('petitions.answeredAt'), children: <Space>{format.date(p.answeredAt)}{p.answeredOnTime !== null && <Tag color={p.answeredOnTime ? 'green' : 'red'}>{p.answeredOnTime ? t('petitions.onTime') : t('petitions.late')}</Tag>}</Space> }] : []),
                ...(p.satisfaction ? [{ key: 'satisfaction', label: t('petitions.satisfaction'), children: `${p.satisfaction === 'SATISFIED' ? t('petitions.satisfied') : t('petitions.unsatisfied')}${p.satisfactionReason ? ` — ${p.satisfactionReason}` : ''}${p.reopenCount ? ` (${t('petitions.reopenCount', { count: p.reopenCount })})` : ''}` }] : []),
                ...(isStaff && pci.data ? [{ key: 'pci', label: t('petitions.pci'), children: p.pciSubindices.map((s) => <Tag key={s} color="blue">{names.subindex(pci.data?.subindices ?? [], s)}</Tag>) }] : []),
                { key: 'content', label: t('petitions.content'), children: <span className="support-summary">{p.content}</span> },
              ]}
            />
          </Card>
          {(p.reply || p.state !== 'TRANSFERRED_OUT') && (
            <Card title={<Typography.Title level={2} className="card-title">{t('petitions.reply')}</Typography.Title>}>
              {p.reply ? <Typography.Paragraph className="support-summary petition-reply">{p.reply}</Typography.Paragraph> : <Typography.Text type="secondary">{t('petitions.noReply')}</Typography.Text>}
            </Card>
          )}
          {isStaff && p.draftReply && !allowed.includes('draft_reply') && !allowed.includes('approve_reply') && (
            <Card title={<Typography.Title level={2} className="card-title">{t('petitions.draftReply')}</Typography.Title>}>
              <Typography.Paragraph className="support-summary">{p.draftReply}</Typography.Paragraph>
            </Card>
          )}
          {(allowed.length > 0 || canPublish) && (
            <Card title={<Typography.Title level={2} className="card-title">{t('petitions.actionsTitle')}</Typography.Title>}>
              <Form layout="vertical">
                {allowed.some((x) => NEEDS_AGENCY.includes(x)) && (
                  <>
                    <Form.Item label={t('petitions.leadAgency')}>
                      <Select aria-label={t('petitions.leadAgency')} showSearch optionFilterProp="label" value={agencyId} onChange={setAgencyId} style={{ maxWidth: 480 }} options={(agencies.data?.items ?? []).filter((a) => a.isActive).map((a) => ({ value: a.id, label: a.name }))} />
                    </Form.Item>
                    <Form.Item label={t('petitions.coAgencies')}>
                      <Select
                        aria-label={t('petitions.coAgencies')}
                        mode="multiple"
                        showSearch
                        optionFilterProp="label"
                        value={coAgencyIds}
                        onChange={setCoAgencyIds}
                        style={{ maxWidth: 720 }}
                        options={(agencies.data?.items ?? []).filter((a) => a.isActive).map((a) => ({ value: a.id, label: a.name }))}
                      />
                    </Form.Item>
                  </>
                )}
                {allowed.includes('transfer_out') && (
                  <Form.Item label={t('petitions.receivingAgency')}>
                    <Select aria-label={t('petitions.receivingAgency')} showSearch optionFilterProp="label" value={outAgencyId} onChange={setOutAgencyId} style={{ maxWidth: 480 }} options={(agencies.data?.items ?? []).filter((a) => a.isActive && a.kind === 'CENTRAL').map((a) => ({ value: a.id, label: a.name }))} />
                  </Form.Item>
                )}
                {(allowed.includes('draft_reply') || (p.draftReply && allowed.includes('approve_reply'))) && isStaff && (
                  <Form.Item label={t('petitions.draftReply')}>
                    <Input.TextArea aria-label={t('petitions.draftReply')} rows={5} value={reply} onChange={(e) => setReply(e.target.value)} readOnly={!allowed.includes('draft_reply')} maxLength={20000} />
                  </Form.Item>
                )}
                {allowed.some((x) => NEEDS_REASON.includes(x) || x === 'accept') && (
                  <Form.Item label={t('petitions.reason')}>
                    <Input.TextArea aria-label={t('petitions.reason')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
                  </Form.Item>
                )}
                <Space wrap>
                  {allowed.map((x) => (
                    <Button key={x} type={DANGER.includes(x) ? 'default' : 'primary'} danger={DANGER.includes(x)} loading={busy} onClick={() => void act(x)}>
                      {t(`petitions.transitions.${x}`)}
                    </Button>
                  ))}
                </Space>
                {canPublish && (
                  <>
                    <Typography.Title level={3} className="card-title" style={{ marginTop: 24 }}>
                      {t('petitions.publication')}
                    </Typography.Title>
                    <Typography.Paragraph type="secondary">{t('petitions.publishHint')}</Typography.Paragraph>
                    <Form.Item label={t('petitions.question')}>
                      <Input.TextArea aria-label={t('petitions.question')} rows={2} value={qa.question} onChange={(e) => setQa({ ...qa, question: e.target.value })} maxLength={5000} />
                    </Form.Item>
                    <Form.Item label={t('petitions.answer')}>
                      <Input.TextArea aria-label={t('petitions.answer')} rows={4} value={qa.answer} onChange={(e) => setQa({ ...qa, answer: e.target.value })} maxLength={20000} />
                    </Form.Item>
                    <Button loading={busy} onClick={() => void publish()}>
                      {t('petitions.publish')}
                    </Button>
                  </>
                )}
                {error !== null && <div style={{ marginTop: 12 }}><ApiErrorAlert error={error} /></div>}
              </Form>
            </Card>
          )}
          {isStaff && (p.coAgencies.length > 0 || p.contributions.length > 0) && (
            <Card className="petition-contributions" title={<Typography.Title level={2} className="card-title">{t('petitions.contributions')}</Typography.Title>}>
              {p.contributions.length ? (
                <List
                  size="small"
                  dataSource={p.contributions}
                  renderItem={(c) => (
                    <List.Item>
                      <List.Item.Meta title={`${c.agency.name} · ${c.authorName} · ${format.dateTime(c.createdAt)}`} description={<span className="support-summary">{c.content}</span>} />
                    </List.Item>
                  )}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.noContributions')} />
              )}
              {p.contributeAs.length > 0 && (
                <Form layout="vertical" style={{ marginTop: 16 }}>
                  <Form.Item label={t('petitions.contributeAs')}>
                    <Select aria-label={t('petitions.contributeAs')} value={contribution.agencyId} onChange={(v) => setContribution({ ...contribution, agencyId: v })} style={{ maxWidth: 480 }} options={p.contributeAs.map((a) => ({ value: a.id, label: a.name }))} />
                  </Form.Item>
                  <Form.Item label={t('petitions.contribution')}>
                    <Input.TextArea aria-label={t('petitions.contribution')} rows={3} value={contribution.content} onChange={(e) => setContribution({ ...contribution, content: e.target.value })} maxLength={10000} />
                  </Form.Item>
                  <Button loading={busy} onClick={() => void contribute()}>
                    {t('petitions.contribute')}
                  </Button>
                  {contributionError !== null && <div style={{ marginTop: 12 }}><ApiErrorAlert error={contributionError} /></div>}
                </Form>
              )}
              {p.coAgencyHistory.length > 0 && (
                <>
                  <Typography.Title level={3} className="card-title" style={{ marginTop: 16 }}>
                    {t('petitions.coAgencyHistory')}
                  </Typography.Title>
                  <ul className="petition-co-history">
                    {p.coAgencyHistory.map((h, i) => (
                      <li key={i}>
                        {h.agency.name}: {t('petitions.historyAdded', { date: format.date(h.addedAt) })}
                        {h.removedAt && `, ${t('petitions.historyRemoved', { date: format.date(h.removedAt) })}`}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Card>
          )}
          <Card title={<Typography.Title level={2} className="card-title">{t('petitions.timeline')}</Typography.Title>}>
            <Timeline
              items={p.timeline.map((e, i) => ({
                key: i,
                children: (
                  <>
                    <Typography.Text strong>{e.toState ? t(`petitions.states.${e.toState as 'RECEIVED'}`) : ''}</Typography.Text>{' '}
                    {e.transition && <Typography.Text type="secondary">({t(`petitions.transitions.${e.transition as TPetitionTransition}`)})</Typography.Text>}
                    <br />
                    <Typography.Text type="secondary">
                      {format.dateTime(e.at)} · {e.actorName}
                    </Typography.Text>
                    {e.reason && <div>{e.reason}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Flex>
      )}
    </>
  );
};

export default PetitionDetailPage;
