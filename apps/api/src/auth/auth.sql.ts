/**
 * The auth feature's hand-written statement (see db/sql.ts for why and how it is checked).
 * It runs before every authenticated operation: the session, its user and the Plt/Plh
 * assignments in force at $2, in one round trip. It also notes when the session was last seen, at
 * most once a minute (a writable CTE: no extra round trip).
 */
import { statement } from '../db/sql';
import type { ActingAssignment, Session, User } from '../generated/prisma/client';

export type SessionRow = Pick<Session, 'revokedAt' | 'expiresAt'> &
  Pick<User, 'id' | 'officeId' | 'name' | 'roles' | 'bidangId' | 'active' | 'mustChangePassword'> & {
    sessionId: Session['id'];
    acting: Pick<ActingAssignment, 'role' | 'bidangId'>[];
  };

export const SESSION_ACTOR = statement<SessionRow>()({
  name: 'auth.session-actor.v2',
  params: ['text', 'timestamptz'],
  columns: {
    sessionId: 'uuid', revokedAt: 'timestamptz?', expiresAt: 'timestamptz',
    id: 'uuid', officeId: 'uuid', name: 'text', roles: 'Role[]', bidangId: 'uuid?', active: 'bool', mustChangePassword: 'bool', acting: 'json',
  },
  text: `WITH s AS (
     SELECT id, "userId", "revokedAt", "expiresAt", "lastSeenAt" FROM "Session" WHERE "tokenHash" = $1
   ), seen AS (
     UPDATE "Session" t SET "lastSeenAt" = $2::timestamptz
       FROM s
      WHERE t.id = s.id AND s."revokedAt" IS NULL AND s."expiresAt" > $2::timestamptz
        AND (s."lastSeenAt" IS NULL OR s."lastSeenAt" < $2::timestamptz - interval '1 minute')
   )
   SELECT s.id AS "sessionId", s."revokedAt", s."expiresAt",
          u.id, u."officeId", u.name, u.roles::text[] AS roles, u."bidangId", u.active, u."mustChangePassword",
          COALESCE((SELECT json_agg(json_build_object('role', a.role, 'bidangId', a."bidangId"))
                      FROM "ActingAssignment" a
                     WHERE a."userId" = u.id AND a."validFrom" <= $2::timestamptz AND a."validUntil" > $2::timestamptz), '[]') AS acting
     FROM s JOIN "User" u ON u.id = s."userId"`,
});
