/**
 * The one fetch wrapper of the app: same-origin credentials, X-CSRF-Token on state-changing
 * requests, JSON bodies, errors parsed into ApiError, and a session-expired hook on 401.
 */

export type TValidationIssue = { path: string; message: string };

/** An error answered by the API ({code, message, details, requestId}) or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: unknown = null, requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** Field errors of a VALIDATION_ERROR (details = [{path, message}]), empty otherwise. */
  get validationIssues(): TValidationIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { path, message } = item as { path?: unknown; message?: unknown };
      const pathText = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      return typeof message === 'string' ? [{ path: pathText, message }] : [];
    });
  }
}

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type TQuery = Record<string, string | number | boolean | null | undefined>;
type TRequestOptions = { query?: TQuery; body?: unknown; form?: FormData; signal?: AbortSignal };

/** Why the session needs attention: it ended (401), or an administrator reset the password (403). */
export type TSessionEvent = 'expired' | 'passwordChangeRequired';

let csrfToken: string | null = null;
let sessionHandler: ((event: TSessionEvent) => void) | null = null;

/** Sets the CSRF token sent with state-changing requests (from the session or login response). */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/**
 * Called when a non-auth request answers 401 (session expired or revoked) or
 * 403 PASSWORD_CHANGE_REQUIRED (the password was reset meanwhile).
 */
export const setSessionHandler = (handler: ((event: TSessionEvent) => void) | null): void => {
  sessionHandler = handler;
};

const buildUrl = (path: string, query?: TQuery): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const parseBody = async (response: Response): Promise<unknown> => {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
};

const toApiError = (response: Response, body: unknown): ApiError => {
  if (isRecord(body) && typeof body.code === 'string') {
    return new ApiError(
      response.status,
      body.code,
      typeof body.message === 'string' ? body.message : response.statusText,
      body.details ?? null,
      typeof body.requestId === 'string' ? body.requestId : null,
    );
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`);
};

/** Sends a request to the API and returns the parsed JSON (undefined for 204). Throws ApiError. */
const request = async <T>(method: TMethod, path: string, options: TRequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
  const parsed = await parseBody(response);
  if (!response.ok) {
    const error = toApiError(response, parsed);
    if (response.status === 401 && !path.startsWith('/api/auth/')) sessionHandler?.('expired');
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') sessionHandler?.('passwordChangeRequired');
    throw error;
  }
  return parsed as T;
};

export const api = {
  get: <T>(path: string, query?: TQuery, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  postForm: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
