import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ConflictError, type FieldProblem, RateLimitedError } from '../errors.js';
import { type Lang, parseLang, type Text, text } from '../i18n.js';

/** The one error shape every client sees. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields: { field: string; message: string; row?: number }[];
    current?: unknown;
  };
}

const STATUS: Record<AppError['code'], number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  store: 503,
};

export function requestLang(request: FastifyRequest): Lang {
  return parseLang(request.headers['accept-language']);
}

function body(
  code: string,
  message: Text,
  fields: readonly FieldProblem[],
  lang: Lang,
  current?: unknown,
): ErrorBody {
  return {
    error: {
      code,
      message: message[lang],
      fields: fields.map((f) => ({
        field: f.field,
        message: f.message[lang],
        ...(f.row === undefined ? {} : { row: f.row }),
      })),
      ...(current === undefined ? {} : { current }),
    },
  };
}

/** Fastify's own errors (parsing, limits, media types) in our shape and words. */
const FRAMEWORK: Record<string, { status: number; code: string; message: Text }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'too_large',
    message: text('Dữ liệu gửi lên quá lớn', 'The request body is too large'),
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: text('Chỉ nhận dữ liệu JSON (application/json)', 'Only application/json is accepted'),
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    message: text('Thiếu nội dung JSON', 'The JSON body is empty'),
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'bad_request',
    message: text('Nội dung không phải JSON hợp lệ', 'The body is not valid JSON'),
  },
};

/** Maps every error once. Nothing internal (stack, SQL) ever reaches the client. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(request);
  if (error instanceof AppError) {
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
    const current = error instanceof ConflictError ? error.current : undefined;
    return reply.status(STATUS[error.code]).send(body(error.code, error.text, error.fields, lang, current));
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? FRAMEWORK[fastifyError.code] : undefined;
  if (known) return reply.status(known.status).send(body(known.code, known.message, [], lang));
  if (fastifyError.statusCode === 429) {
    return reply
      .status(429)
      .send(
        body(
          'rate_limited',
          text('Quá nhiều yêu cầu; hãy thử lại sau', 'Too many requests; retry later'),
          [],
          lang,
        ),
      );
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return reply
      .status(fastifyError.statusCode)
      .send(body('bad_request', text('Yêu cầu không hợp lệ', 'Bad request'), [], lang));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply
    .status(500)
    .send(
      body(
        'internal',
        text('Lỗi hệ thống; đã ghi nhận để xử lý', 'Internal error; it has been logged'),
        [],
        lang,
      ),
    );
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(request);
  return reply
    .status(404)
    .send(
      body(
        'not_found',
        text(
          `Không có địa chỉ ${request.method} ${request.url}`,
          `No route ${request.method} ${request.url}`,
        ),
        [],
        lang,
      ),
    );
}
