/** The one way the app talks to the server: JSON over /api/v1, with the CSRF token on writes. */

export interface FieldProblem {
  field: string;
  message: string;
  row?: number;
}

/** The server's error shape, kept whole so forms can put each message next to its field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly current?: unknown,
  ) {
    super(message);
  }

  /** The message for one field, if the server named it. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name)?.message;
  }
}

/** Whatever a request threw, as an ApiError a form can show. */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'error', String(err));
}

let csrfToken: string | null = null;
let language = 'vi';
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}
/** Called when the session ended (expired, revoked) so the app can show the login page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      language === 'en' ? 'The server cannot be reached' : 'Không kết nối được máy chủ',
    );
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error ?? {};
    if (res.status === 401 && path !== '/auth/login' && !prefetched.has(path)) onUnauthorized();
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? res.statusText, e.fields ?? [], e.current);
  }
  return data as T;
}

const prefetched = new Map<string, Promise<unknown>>();

/**
 * Starts GETs the first page will need before React mounts, in parallel rather than one after
 * another; the first `api.get` of the same address takes the answer (or the error) once.
 */
export function prefetch(...paths: string[]): void {
  for (const path of paths) {
    const p = request('GET', path);
    p.catch(() => {});
    prefetched.set(path, p);
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => {
    const url = withQuery(path, query);
    const early = prefetched.get(url);
    if (early) {
      prefetched.delete(url);
      // A prefetch refused before sign-in is asked again now.
      return early.catch(() => request<T>('GET', url)) as Promise<T>;
    }
    return request<T>('GET', url);
  },
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
