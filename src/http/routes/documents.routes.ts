import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Filled in by the documents work (see the documents issue).
export const documentsRoutes: FastifyPluginAsyncZod = async () => {};
