import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload, type TableColumnsType } from 'antd';
import { CheckOutlined, CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client';
import type { TImportError } from '../../api/basket';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import { useFormat } from '../../i18n/useFormat';

type TResult = { dryRun: boolean; rows: number; errors: TImportError[]; recomputeMs: number | null };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * One CSV import: choose a file, check it (dry run: every error with its row and column), then
 * import it (all or nothing). `summary` renders what a clean check found.
 */
export const ImportModal = <T extends TResult>({
  open,
  title,
  columns,
  example,
  run,
  summary,
  onClose,
  onImported,
}: {
  open: boolean;
  title: string;
  /** The expected header (canonical English names; Vietnamese names are accepted too). */
  columns: string;
  example?: string;
  run: (file: File, dryRun: boolean) => Promise<T>;
  summary: (result: T) => ReactNode;
  onClose: () => void;
  onImported: (result: T) => void;
}) => {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState<'check' | 'import' | null>(null);
  const [checked, setChecked] = useState<{ file: File; result: T } | null>(null);
  const [errors, setErrors] = useState<TImportError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);

  const reset = (chosen: File | null) => {
    setFile(chosen);
    setChecked(null);
    setErrors([]);
    setFailure(null);
  };

  const go = async (dryRun: boolean) => {
    if (!file) return;
    setRunning(dryRun ? 'check' : 'import');
    setFailure(null);
    try {
      const result = await run(file, dryRun);
      setErrors(result.errors);
      if (dryRun) setChecked(result.errors.length ? null : { file, result });
      else {
        message.success(t('basket.import.done', { rows: format.number(result.rows) }) + (result.recomputeMs !== null ? ` ${t('basket.recomputed', { ms: format.number(result.recomputeMs) })}` : ''));
        onImported(result);
        reset(null);
        onClose();
      }
    } catch (caught) {
      setChecked(null);
      if (caught instanceof ApiError && caught.code === 'IMPORT_INVALID' && isRecord(caught.details) && Array.isArray(caught.details.errors) && caught.details.errors.length) {
        setErrors(caught.details.errors as TImportError[]);
      } else setFailure(caught);
    } finally {
      setRunning(null);
    }
  };

  const errorColumns: TableColumnsType<TImportError> = [
    { key: 'row', title: t('basket.import.row'), dataIndex: 'row', width: 80, render: (row: number | null) => (row === null ? t('basket.import.wholeFile') : format.number(row)) },
    { key: 'column', title: t('basket.import.column'), dataIndex: 'column', width: 150, render: (column: string | null) => (column ? <Typography.Text code>{column}</Typography.Text> : '—') },
    { key: 'message', title: t('basket.import.message'), dataIndex: 'message' },
  ];

  return (
    <Modal open={open} title={title} width={860} onCancel={onClose} footer={null} destroyOnHidden>
      <Flex vertical gap="middle">
        <Alert
          type="info"
          showIcon
          title={t('basket.import.help')}
          description={
            <>
              <div>
                {t('basket.import.columns')} <Typography.Text code>{columns}</Typography.Text>
              </div>
              {example && (
                <div>
                  {t('basket.import.example')} <Typography.Text code>{example}</Typography.Text>
                </div>
              )}
            </>
          }
        />
        <Flex wrap gap="small" align="start">
          <Upload
            accept=".csv,text/csv"
            maxCount={1}
            disabled={running !== null}
            beforeUpload={(chosen) => {
              reset(chosen);
              return false;
            }}
            onRemove={() => reset(null)}
            fileList={file ? [{ uid: 'basket-file', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />} disabled={running !== null}>
              {t('basket.import.choose')}
            </Button>
          </Upload>
          <Button icon={<CheckOutlined />} disabled={!file || running !== null} loading={running === 'check'} onClick={() => void go(true)}>
            {t('basket.import.check')}
          </Button>
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={!checked || checked.file !== file || running !== null} loading={running === 'import'} onClick={() => void go(false)}>
            {t('basket.import.commit')}
          </Button>
        </Flex>
        <Typography.Text type="secondary">{t('basket.import.allOrNothing')}</Typography.Text>
        {failure !== null && <ApiErrorAlert error={failure} />}
        {checked && <Alert type="success" showIcon title={t('basket.import.checkedOk', { rows: format.number(checked.result.rows) })} description={summary(checked.result)} />}
        {errors.length > 0 && (
          <>
            <Alert type="error" showIcon title={t('basket.import.hasErrors', { count: format.number(errors.length) })} />
            <Table<TImportError> rowKey={(e) => `${e.row}:${e.column}:${e.message}`} size="small" columns={errorColumns} dataSource={errors} pagination={{ defaultPageSize: 10, hideOnSinglePage: true }} />
          </>
        )}
      </Flex>
    </Modal>
  );
};
