import { type InvalidError, invalidField } from '../errors.js';
import { text } from '../i18n.js';

/** A problem with the file as a whole (its kind, size, encoding), reported under "file". */
export function fileError(vi: string, en: string, row?: number): InvalidError {
  return invalidField('file', text(vi, en), row);
}

export const MB = 1024 * 1024;

/** Limits on what an import accepts; each is a setting because offices and servers differ. */
export interface ImportLimits {
  /** Largest file accepted, compressed size for XLSX. */
  maxFileBytes: number;
  /** Largest total the parts of an XLSX may inflate to. */
  maxUnzippedBytes: number;
  /** Compression ratio above which a large part is taken for a zip bomb. */
  maxRatio: number;
  /** Parts smaller than this may compress as well as they like (empty styles compress 200:1). */
  ratioFloorBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * MB,
  maxUnzippedBytes: 1024 * MB,
  maxRatio: 100,
  ratioFloorBytes: 10 * MB,
};

/** Through the API a file is held in memory while it is checked, so the cap is lower there. */
export const API_UPLOAD_LIMIT = 50 * MB;
