import type { Text } from './i18n.js';

/** A problem with one input field; `row` is set when the input is a list or a file. */
export interface FieldProblem {
  field: string;
  message: Text;
  row?: number;
}

/**
 * One error type per meaning; transports (CLI, HTTP) map them once. The message is written for
 * the person who typed the input, in Vietnamese with an English twin.
 */
export abstract class AppError extends Error {
  abstract readonly code:
    | 'not_found'
    | 'forbidden'
    | 'unauthorized'
    | 'conflict'
    | 'invalid'
    | 'bad_request'
    | 'rate_limited'
    | 'store';
  constructor(
    readonly text: Text,
    readonly fields: FieldProblem[] = [],
  ) {
    super(text.en);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  readonly code = 'not_found';
}

export class ForbiddenError extends AppError {
  readonly code = 'forbidden';
}

/** Not signed in, a session that expired, a revoked token, a wrong password. */
export class UnauthorizedError extends AppError {
  readonly code = 'unauthorized';
}

/** Input that does not have the shape of the request at all (wrong types, unknown fields). */
export class BadRequestError extends AppError {
  readonly code = 'bad_request';
}

/** Too many attempts; `retryAfterSeconds` tells when to try again. */
export class RateLimitedError extends AppError {
  readonly code = 'rate_limited';
  constructor(
    text: Text,
    readonly retryAfterSeconds: number,
  ) {
    super(text);
  }
}

/** A stale version or a duplicate key; `current` carries the stored state when there is one. */
export class ConflictError extends AppError {
  readonly code = 'conflict';
  constructor(
    text: Text,
    fields: FieldProblem[] = [],
    readonly current?: unknown,
  ) {
    super(text, fields);
  }
}

export class InvalidError extends AppError {
  readonly code = 'invalid';
}

/** The database cannot be used: not a database, from a newer version, out of reach. */
export class StoreError extends AppError {
  readonly code = 'store';
}

export function invalidField(field: string, message: Text, row?: number): InvalidError {
  return new InvalidError(message, [{ field, message, ...(row === undefined ? {} : { row }) }]);
}
