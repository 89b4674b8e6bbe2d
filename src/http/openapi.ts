import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';

/**
 * Drops component schemas nothing refers to: the zod transform writes an input and an output
 * variant of every named schema, and a response-only schema's input twin is never used.
 */
function withoutUnusedSchemas(document: OpenAPIV3_1.Document): OpenAPIV3_1.Document {
  const schemas = { ...document.components?.schemas };
  for (;;) {
    const json = JSON.stringify({ ...document, components: { ...document.components, schemas } });
    const unused = Object.keys(schemas).filter((name) => !json.includes(`"#/components/schemas/${name}"`));
    if (unused.length === 0) return { ...document, components: { ...document.components, schemas } };
    for (const name of unused) delete schemas[name];
  }
}

/**
 * OpenAPI 3.1, generated from the zod schemas the routes validate with, at
 * /api/v1/openapi.json, and an interactive page at /api/docs.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tiến độ API',
        version: '1',
        description:
          'Chỉ tiêu nghị quyết, số liệu, tiến độ, hội nghị và nhiệm vụ. Lỗi luôn có dạng {"error": {"code", "message", "fields"}}; thông báo bằng tiếng Việt, tiếng Anh với Accept-Language: en.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/', description: 'Máy chủ này' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tiendo_session' },
          token: { type: 'http', scheme: 'bearer', description: 'Mã truy cập cho máy khách (td_…)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    // Without it the schemas named with .meta({ id }) are referenced but never written out.
    transformObject: (document) => withoutUnusedSchemas(jsonSchemaTransformObject(document) as never),
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The page's own policy (it hashes its inline code) must not be looser than the API's: no
    // framing, and no forced https, which would break a plain-http office intranet.
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/\s*upgrade-insecure-requests;/, ''),
    uiConfig: { deepLinking: true, tryItOutEnabled: true },
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
