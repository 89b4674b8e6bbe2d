import * as z from 'zod';
import { codeSchema } from '../validation.js';
import { ROLES } from './access.js';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: 'tiendo:username' });

export const roleGrantSchema = z.object({ unitCode: codeSchema, role: z.enum(ROLES) }).strict();

export const userInputSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(200),
    roles: z.array(roleGrantSchema).max(50).default([]),
  })
  .strict();
export type UserInput = z.input<typeof userInputSchema>;

export const userUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    password: z.string().min(1).max(200).optional(),
    active: z.boolean().optional(),
    roles: z.array(roleGrantSchema).max(50).optional(),
    version: z.number().int().positive(),
  })
  .strict();
export type UserUpdate = z.input<typeof userUpdateSchema>;

export const loginSchema = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();
