import { Alert, Button, Typography } from 'antd';
import { ApiError } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { unmappedIssues, useErrorText } from './errors';

type TProps = {
  error: unknown;
  /** Form fields that already show their own validation message. */
  fields?: readonly string[];
  onRetry?: () => void;
};

/** An error message (translated by code), the validation issues not shown on a field, and the request id. */
export const ApiErrorAlert = ({ error, fields = [], onRetry }: TProps) => {
  const t = useT();
  const errorText = useErrorText();
  if (!error) return null;
  const issues = unmappedIssues(error, fields);
  const requestId = error instanceof ApiError ? error.requestId : null;
  const description =
    issues.length > 0 || requestId ? (
      <>
        {issues.length > 0 && (
          <ul className="issue-list">
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                {issue.path && <Typography.Text code>{issue.path}</Typography.Text>} {issue.message}
              </li>
            ))}
          </ul>
        )}
        {requestId && (
          <Typography.Text type="secondary" className="request-id">
            {t('common.requestId', { id: requestId })}
          </Typography.Text>
        )}
      </>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorText(error)}
      description={description}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
};
