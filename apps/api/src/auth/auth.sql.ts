/**
 * The auth feature's hand-written statement (see db/sql.ts for why and how it is checked).
 * It runs before every authenticated operation: the session, its user and the Plt/Plh
 * assignments in force at $2, in one round trip.
 */
import { statement } from '../db/sql';
import type { ActingAssignment, Session, User } from '../generated/prisma/client';

export type SessionRow = Pick<Session, 'revokedAt' | 'expiresAt'> &
  Pick<User, 'id' | 'officeId' | 'name' | 'roles' | 'bidangId' | 'active'> & {
    sessionId: Session['id'];
    acting: Pick<ActingAssignment, 'role' | 'bidangId'>[];
  };

export const SESSION_ACTOR = statement<SessionRow>()({
  name: 'auth.session-actor',
  params: ['text', 'timestamptz'],
  columns: {
    sessionId: 'uuid', revokedAt: 'timestamptz?', expiresAt: 'timestamptz',
    id: 'uuid', officeId: 'uuid', name: 'text', roles: 'Role[]', bidangId: 'uuid?', active: 'bool', acting: 'json',
  },
  text: `SELECT s.id AS "sessionId", s."revokedAt", s."expiresAt",
          u.id, u."officeId", u.name, u.roles::text[] AS roles, u."bidangId", u.active,
          COALESCE((SELECT json_agg(json_build_object('role', a.role, 'bidangId', a."bidangId"))
                      FROM "ActingAssignment" a
                     WHERE a."userId" = u.id AND a."validFrom" <= $2::timestamptz AND a."validUntil" > $2::timestamptz), '[]') AS acting
     FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s."tokenHash" = $1`,
});
