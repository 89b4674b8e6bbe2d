import type { Role } from '../../session';

export interface Grant {
  unitCode: string;
  role: Role;
}
export interface User {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  createdAt: string;
  version: number;
  roles: Grant[];
}
export interface Token {
  id: number;
  name: string;
  unitCode: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const ROLES: Role[] = ['viewer', 'reporter', 'editor', 'admin'];
