import { ApiError, type Query, withQuery } from '../../api';
import type { Lang } from '../../i18n';

/** A generated document as the server sent it, with what it had to leave as "[chưa có …]". */
export interface GeneratedFile {
  blob: Blob;
  fileName: string;
  /** Parts the document printed as placeholders, to be filled in by hand. */
  missing: string[];
}

/** `filename*=UTF-8''Báo%20cáo…` carries the Vietnamese name; `filename=` only an ASCII twin. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Fetches a document from /api/v1 (api.ts speaks JSON only). A refusal comes back as the API's
 * JSON error, so the form can put each message next to its field.
 */
export async function fetchFile(path: string, query: Query, lang: Lang): Promise<GeneratedFile> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${withQuery(path, query)}`, {
      headers: { 'accept-language': lang },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      lang === 'en' ? 'The server cannot be reached' : 'Không kết nối được máy chủ',
    );
  }
  if (!res.ok) {
    const e = (await res.json().catch(() => null))?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? res.statusText, e.fields ?? []);
  }
  const missing = res.headers.get('x-document-missing');
  return {
    blob: await res.blob(),
    fileName: fileNameOf(res.headers.get('content-disposition'), path.split('/').pop() ?? 'tai-lieu'),
    missing: missing ? decodeURIComponent(missing).split('; ') : [],
  };
}

/** Hands a fetched file to the browser's downloads, under its Vietnamese name. */
export function saveFile(file: GeneratedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the next tick; the object URL is no longer needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
