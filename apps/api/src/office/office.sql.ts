import type { User } from './office.model';

/**
 * A User row as the GraphQL `User` type needs it, built inside a statement (db/sql.ts) so that
 * a step's or a review's actor comes with its row. Every field is JSON-safe (no dates).
 * `alias` is the SQL alias of the "User" table in the statement; null when the join found none.
 */
export const userJson = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'username', ${alias}.username, 'nip', ${alias}.nip,
     'name', ${alias}.name, 'jabatan', ${alias}.jabatan, 'roles', ${alias}.roles, 'bidangId', ${alias}."bidangId", 'active', ${alias}.active) END`;

export type UserJson = Pick<User, 'id' | 'username' | 'nip' | 'name' | 'jabatan' | 'roles' | 'bidangId' | 'active'>;
