import type { FastifySchemaCompiler } from 'fastify';
import type * as z from 'zod';
import { BadRequestError } from '../errors.js';
import { text } from '../i18n.js';
import { zodProblems } from '../validation.js';

/** reportInput lets the messages say what was sent; one object for every request. */
const PARSE = { reportInput: true } as const;

/**
 * Route schemas are zod: the same objects validate requests (here) and describe them in the
 * OpenAPI document. A request of the wrong shape is a 400 with every bad field named.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, PARSE);
    if (result.success) return { value: result.data };
    const fields = zodProblems(result.error);
    return {
      error: new BadRequestError(fields[0]?.message ?? text('Dữ liệu không hợp lệ', 'Invalid input'), fields),
    };
  };
