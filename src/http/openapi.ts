import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

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
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: true, tryItOutEnabled: true },
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
