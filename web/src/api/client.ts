/**
 * The one fetch wrapper of the app: same-origin credentials, X-CSRF-Token on state-changing
 * requests, Accept-Language of the UI (the server writes its messages in it), JSON bodies, errors
 * parsed into ApiError, and a session-expired hook on 401.
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
let language: 'vi' | 'en' = 'vi';
let sessionHandler: ((event: TSessionEvent) => void) | null = null;

/** Sets the CSRF token sent with state-changing requests (from the session or login response). */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Sets the language sent as Accept-Language (the UI's language; the I18nProvider keeps it current). */
export const setRequestLanguage = (next: 'vi' | 'en'): void => {
  language = next;
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

/** Sends a request (JSON body or multipart form, X-CSRF-Token unless GET). Throws ApiError on a network failure. */
const send = async (method: TMethod, path: string, options: TRequestOptions, accept: string): Promise<Response> => {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': language };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
};

/** The ApiError of a non-2xx answer; tells the session handler about an ended session. */
const failure = async (response: Response, path: string): Promise<ApiError> => {
  const error = toApiError(response, await parseBody(response));
  if (response.status === 401 && !path.startsWith('/api/auth/')) sessionHandler?.('expired');
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') sessionHandler?.('passwordChangeRequired');
  return error;
};

/** Sends a request to the API and returns the parsed JSON (undefined for 204). Throws ApiError. */
const request = async <T>(method: TMethod, path: string, options: TRequestOptions = {}): Promise<T> => {
  const response = await send(method, path, options, 'application/json');
  if (!response.ok) throw await failure(response, path);
  return (await parseBody(response)) as T;
};

/**
 * Sends a request whose answer is NDJSON (one JSON value per line, e.g. progress then result) and
 * calls `onLine` for each line as it arrives. Throws ApiError for a non-2xx answer, a network
 * failure or a line that is not JSON.
 */
const requestLines = async (method: TMethod, path: string, options: TRequestOptions, onLine: (line: unknown) => void): Promise<void> => {
  const response = await send(method, path, options, 'application/x-ndjson, application/json');
  if (!response.ok) throw await failure(response, path);
  const emit = (text: string) => {
    if (!text.trim()) return;
    let line: unknown;
    try {
      line = JSON.parse(text) as unknown;
    } catch {
      throw new ApiError(response.status, 'BAD_RESPONSE', `Not a JSON line: ${text.slice(0, 80)}`);
    }
    onLine(line);
  };
  if (!response.body) {
    (await response.text()).split('\n').forEach(emit);
    return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      lines.forEach(emit);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    if (error instanceof ApiError || (error instanceof DOMException && error.name === 'AbortError')) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : String(error));
  }
  emit(buffered + decoder.decode());
};

/** The URL of an API resource with its query, for downloads by link (the session cookie goes along). */
export const apiUrl = (path: string, query?: TQuery): string => buildUrl(path, query);

export const api = {
  get: <T>(path: string, query?: TQuery, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  postForm: <T>(path: string, form: FormData, query?: TQuery) => request<T>('POST', path, { form, query }),
  /** POST of a JSON body answered with a file (e.g. a generated DOCX). Throws ApiError. */
  postBlob: async (path: string, body: unknown): Promise<Blob> => {
    const response = await send('POST', path, { body }, '*/*');
    if (!response.ok) throw await failure(response, path);
    return response.blob();
  },
  /** POST of a multipart form answered with NDJSON lines (streamed progress). */
  postFormLines: (path: string, form: FormData, onLine: (line: unknown) => void, query?: TQuery, signal?: AbortSignal) =>
    requestLines('POST', path, { form, query, signal }, onLine),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
