/**
 * The office feature's SQL fragment shared by the other registries (db/sql.ts): a step's or a
 * review's actor comes with its row, as the GraphQL `User` type needs it.
 */
import type { User } from '../generated/prisma/client';

/**
 * `alias` is the SQL alias of the "User" table in the statement; null when the join found none.
 * Every field is JSON-safe (no dates).
 */
export const userJson = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'username', ${alias}.username, 'nip', ${alias}.nip,
     'name', ${alias}.name, 'jabatan', ${alias}.jabatan, 'roles', ${alias}.roles, 'bidangId', ${alias}."bidangId", 'active', ${alias}.active) END`;

export type UserJson = Pick<User, 'id' | 'username' | 'nip' | 'name' | 'jabatan' | 'roles' | 'bidangId' | 'active'>;
