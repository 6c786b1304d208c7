import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { decideProposal } from '../../../api/enterprises';
import type { TProposal } from '../../../api/types';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { showFieldErrors, useErrorText } from '../../../components/errors';
import { useT } from '../../../i18n/I18nProvider';
import { useFormat } from '../../../i18n/useFormat';
import { ProposalStatusTag } from '../EnterpriseTags';
import type { TFieldText } from '../fieldText';
import { FIELD_ORDER } from '../fieldText';
import { ChangeList } from '../ChangeList';

const changesOf = (proposal: TProposal) =>
  Object.entries(proposal.changes)
    .map(([field, change]) => ({ field, before: change.from, after: change.to }))
    .sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));

/** Asks for the (required) reason of a rejection, then rejects the proposal. */
const RejectModal = ({ proposal, onClose, onRejected }: { proposal: TProposal | null; onClose: () => void; onRejected: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    if (!proposal) return;
    setSaving(true);
    setError(null);
    try {
      await decideProposal(proposal.id, 'REJECT', reason.trim());
      onRejected();
    } catch (caught) {
      setError(caught);
      showFieldErrors(form, caught, ['reason']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={proposal !== null}
      title={proposal ? t('enterprises.proposals.rejectTitle', { name: proposal.enterpriseName }) : ''}
      okText={t('enterprises.proposals.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(opened) => {
        if (opened) return;
        form.resetFields();
        setError(null);
      }}
      forceRender
    >
      <Form form={form} name="reject-form" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('enterprises.proposals.rejectReason')}
          extra={t('enterprises.proposals.rejectReasonHint')}
          rules={[{ required: true, whitespace: true, message: t('common.requiredField', { field: t('enterprises.proposals.rejectReason').toLowerCase() }) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {error !== null && <ApiErrorAlert error={error} fields={['reason']} />}
      </Form>
    </Modal>
  );
};

type TProps = {
  proposals: TProposal[];
  loading: boolean;
  text: TFieldText;
  /** Show the enterprise column (the Department's list of all proposals). */
  showEnterprise?: boolean;
  canDecide: boolean;
  onDecided: () => void;
};

/** Proposals with their field changes (current → proposed), status, and accept/reject for writers. */
export const ProposalTable = ({ proposals, loading, text, showEnterprise = false, canDecide, onDecided }: TProps) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [rejecting, setRejecting] = useState<TProposal | null>(null);
  const [accepting, setAccepting] = useState<number | null>(null);

  const accept = async (proposal: TProposal) => {
    setAccepting(proposal.id);
    try {
      await decideProposal(proposal.id, 'ACCEPT');
      void message.success(t('enterprises.proposals.accepted'));
      onDecided();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setAccepting(null);
    }
  };

  /** The decision column only when there is something to decide. */
  const showDecision = canDecide && proposals.some((proposal) => proposal.status === 'PENDING');
  const columns: TableColumnsType<TProposal> = [
    { key: 'createdAt', title: t('enterprises.proposals.createdAt'), dataIndex: 'createdAt', width: 140, render: (at: string) => <span className="nowrap">{format.dateTime(at)}</span> },
    ...(showEnterprise
      ? [
          {
            key: 'enterprise',
            title: t('enterprises.proposals.enterprise'),
            width: 240,
            render: (_value: unknown, proposal: TProposal) => (
              <Flex vertical>
                <Link to={`/enterprises/${proposal.enterpriseId}`}>{proposal.enterpriseName}</Link>
                <Typography.Text type="secondary" className="small-text">
                  {proposal.taxCode}
                </Typography.Text>
              </Flex>
            ),
          },
        ]
      : []),
    {
      key: 'changes',
      title: t('enterprises.proposals.changes'),
      render: (_value, proposal) => (
        <>
          <ChangeList changes={changesOf(proposal)} text={text} />
          {proposal.note && (
            <Typography.Paragraph type="secondary" className="proposal-note">
              {t('enterprises.proposals.note')}: {proposal.note}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    {
      key: 'status',
      title: t('enterprises.proposals.status'),
      width: 180,
      render: (_value, proposal) => (
        <Flex vertical align="start" gap={2}>
          <ProposalStatusTag status={proposal.status} />
          {proposal.decidedAt && (
            <Typography.Text type="secondary" className="small-text">
              {t('enterprises.proposals.decidedAt')}: {format.dateTime(proposal.decidedAt)}
            </Typography.Text>
          )}
          {proposal.decisionReason && (
            <Typography.Text className="small-text">{t('enterprises.proposals.decisionReason', { reason: proposal.decisionReason })}</Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(showDecision
      ? [
          {
            key: 'decision',
            title: t('enterprises.proposals.decision'),
            width: 210,
            render: (_value: unknown, proposal: TProposal) =>
              proposal.status === 'PENDING' ? (
                <Space wrap size={4}>
                  <Popconfirm
                    title={t('enterprises.proposals.acceptConfirm', { name: proposal.enterpriseName })}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                    onConfirm={() => accept(proposal)}
                  >
                    <Button size="small" type="primary" icon={<CheckOutlined />} loading={accepting === proposal.id}>
                      {t('enterprises.proposals.accept')}
                    </Button>
                  </Popconfirm>
                  <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(proposal)}>
                    {t('enterprises.proposals.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <Table<TProposal>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={proposals}
        loading={loading}
        scroll={{ x: 140 + 280 + 180 + (showEnterprise ? 240 : 0) + (showDecision ? 210 : 0) }}
        locale={{ emptyText: t('enterprises.proposals.empty') }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      />
      {canDecide && (
        <RejectModal
          proposal={rejecting}
          onClose={() => setRejecting(null)}
          onRejected={() => {
            setRejecting(null);
            void message.success(t('enterprises.proposals.rejected'));
            onDecided();
          }}
        />
      )}
    </>
  );
};
