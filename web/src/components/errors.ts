import type { FormInstance } from 'antd';
import { ApiError, type TValidationIssue } from '../api/client';
import { useFormat } from '../i18n/useFormat';
import { useT, type TKey } from '../i18n/I18nProvider';

/** Error codes with a translated text; other codes show the server's message. */
const CODE_TEXTS: Record<string, TKey> = {
  NETWORK_ERROR: 'errors.NETWORK_ERROR',
  VALIDATION_ERROR: 'errors.VALIDATION_ERROR',
  INVALID_CREDENTIALS: 'errors.INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'errors.ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'errors.ACCOUNT_DISABLED',
  TOO_MANY_ATTEMPTS: 'errors.TOO_MANY_ATTEMPTS',
  WEAK_PASSWORD: 'errors.WEAK_PASSWORD',
  USERNAME_TAKEN: 'errors.USERNAME_TAKEN',
  UNAUTHENTICATED: 'errors.UNAUTHENTICATED',
  SESSION_EXPIRED: 'errors.SESSION_EXPIRED',
  CSRF_TOKEN_INVALID: 'errors.CSRF_TOKEN_INVALID',
  PASSWORD_CHANGE_REQUIRED: 'errors.PASSWORD_CHANGE_REQUIRED',
  FORBIDDEN: 'errors.FORBIDDEN',
  NOT_FOUND: 'errors.NOT_FOUND',
  BODY_TOO_LARGE: 'errors.BODY_TOO_LARGE',
  INTERNAL_ERROR: 'errors.INTERNAL_ERROR',
  SERVICE_UNAVAILABLE: 'errors.SERVICE_UNAVAILABLE',
  CONFLICT: 'errors.CONFLICT',
  IMPORT_INVALID: 'errors.IMPORT_INVALID',
  INVALID_TRANSITION: 'errors.INVALID_TRANSITION',
  STREAM_INCOMPLETE: 'errors.STREAM_INCOMPLETE',
  BAD_RESPONSE: 'errors.BAD_RESPONSE',
};

const lockedUntil = (error: ApiError): string | null => {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('lockedUntil' in details)) return null;
  const value = (details as { lockedUntil: unknown }).lockedUntil;
  return typeof value === 'string' ? value : null;
};

/** Turns any thrown value into a user-facing sentence in the active language. */
export const useErrorText = (): ((error: unknown) => string) => {
  const t = useT();
  const format = useFormat();
  return (error) => {
    if (!(error instanceof ApiError)) return t('errors.generic');
    if (error.code === 'ACCOUNT_LOCKED') {
      const until = lockedUntil(error);
      if (until) return t('errors.ACCOUNT_LOCKED_UNTIL', { time: format.dateTime(until) });
    }
    const key = CODE_TEXTS[error.code];
    if (key) return t(key);
    return error.message || t('errors.generic');
  };
};

/** Field name of a validation issue path: "body.email" / "/email" / "email" → "email". */
const fieldOf = (issue: TValidationIssue): string =>
  issue.path
    .split(/[./]/)
    .filter((part) => part !== '' && part !== 'body')
    .join('.');

/** The validation issues of `error` that do not belong to one of `fields`. */
export const unmappedIssues = (error: unknown, fields: readonly string[]): TValidationIssue[] =>
  error instanceof ApiError ? error.validationIssues.filter((issue) => !fields.includes(fieldOf(issue).split('.')[0])) : [];

/** Shows the validation issues of `error` next to the matching form fields. */
export const showFieldErrors = (form: FormInstance, error: unknown, fields: readonly string[]): void => {
  if (!(error instanceof ApiError)) return;
  const byField = new Map<string, string[]>();
  for (const issue of error.validationIssues) {
    const field = fieldOf(issue).split('.')[0];
    if (fields.includes(field)) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
};
