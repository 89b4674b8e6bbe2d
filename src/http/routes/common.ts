import * as z from 'zod';

/** Documented for every operation: the one error shape of the API. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string(), row: z.number().int().optional() })),
      current: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
};

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function page<T>(all: readonly T[], limit: number, offset: number): Page<T> {
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const codeParam = z.object({ code: z.string().min(1).max(64) });

/**
 * A response object for the documentation: the listed fields are promised. Responses are
 * written with plain JSON.stringify (see app.ts), so a schema never costs time per request.
 */
export function described<T extends z.ZodRawShape>(id: string, shape: T) {
  return z.object(shape).meta({ id });
}

/** A documented page of a list: the items, how many there are in all, and where this page starts. */
export function pageOf<T extends z.ZodType>(id: string, item: T) {
  return described(id, { items: z.array(item), total: z.number(), limit: z.number(), offset: z.number() });
}
