/**
 * The notification feature's hand-written statements (see db/sql.ts for why and how they are
 * checked). They are the hot path of the job runner: one event's fan-out and one e-mail's send.
 * Through Prisma's WebAssembly engine a fan-out cost seven planned-and-mapped queries and a
 * delivery three; at 200 events a second that CPU was the whole budget of the process
 * (bench/notify.mjs, docs/decisions.md "Notifications under load"). Here a fan-out is two
 * statements (who, then everything it writes) and a delivery two, whatever the number of recipients.
 */
import { statement } from '../db/sql';
import type { Notification, NotificationDelivery, User } from '../generated/prisma/client';

export type RecipientRow = Pick<User, 'id' | 'officeId' | 'language' | 'email' | 'phone' | 'phoneVerifiedAt'> & { notificationChannels: unknown };

/**
 * The one recipient resolution: active people of the office matching any target at $3 — a named
 * person, or every holder of a role (own role or a Plt/Plh assignment in force then), optionally
 * only within one Bidang (an acting assignment without a Bidang counts for every Bidang).
 * $2: the targets as JSON [{ userId } | { role, bidangId? }]; $4: people left out (the actor).
 */
export const RECIPIENTS = statement<RecipientRow>()({
  name: 'notification.recipients.v1',
  params: ['uuid', 'json', 'timestamptz', 'uuid[]'],
  columns: { id: 'uuid', officeId: 'uuid', language: 'text', email: 'text?', phone: 'text?', phoneVerifiedAt: 'timestamptz?', notificationChannels: 'json?' },
  text: `SELECT u.id, u."officeId", u.language, u.email, u.phone, u."phoneVerifiedAt", u."notificationChannels"::json AS "notificationChannels"
     FROM "User" u
    WHERE u."officeId" = $1 AND u.active AND NOT (u.id = ANY($4::uuid[]))
      AND EXISTS (
        SELECT 1 FROM json_to_recordset($2::json) AS t("userId" uuid, role text, "bidangId" uuid)
         WHERE u.id = t."userId"
            OR (t.role = ANY(u.roles::text[]) AND (t."bidangId" IS NULL OR u."bidangId" = t."bidangId"))
            OR (t.role IS NOT NULL AND EXISTS (
                  SELECT 1 FROM "ActingAssignment" a
                   WHERE a."userId" = u.id AND a.role::text = t.role
                     AND a."validFrom" <= $3::timestamptz AND a."validUntil" > $3::timestamptz
                     AND (t."bidangId" IS NULL OR a."bidangId" IS NULL OR a."bidangId" = t."bidangId"))))
    ORDER BY u.id`,
});

export type FanOutRow = Pick<Notification, 'id' | 'userId' | 'createdAt'> & { unread: number; jobs: number; live: number };

/**
 * One event's whole fan-out in ONE statement (atomic by itself: no BEGIN/COMMIT round trips):
 * - the notifications ($1 ids made by the caller, $2 their people): once per person and event —
 *   the unique (userId, eventKey) makes a re-run insert nothing, and nothing below happens for a
 *   row not inserted;
 * - `unread`: the person's unread count with this one (the statement's snapshot does not see its
 *   own insert, hence + 1);
 * - the outbound copies ($10–$13: id, notification, channel, address), PENDING, each with its
 *   `notify_deliver` job (graphile-worker's add_jobs, priority 1: after the waiting fan-outs);
 * - the live message of each ($9, JSON made by the caller), completed here with the unread count
 *   and the row's time, sent with pg_notify on channel $16: delivered at commit to every process.
 * The job schema is part of the text: `fanOutStatement(schema)` makes it for a configured one.
 */
export const fanOutStatement = (schema: string) =>
  statement<FanOutRow>()({
    name: `notification.fan-out.v1.${schema}`,
    params: ['uuid[]', 'uuid[]', 'uuid', 'text', 'text', 'json', 'text?', 'uuid?', 'text[]', 'uuid[]', 'uuid[]', 'text[]', 'text[]', 'timestamptz', 'int4', 'text'],
    columns: { id: 'uuid', userId: 'uuid', createdAt: 'timestamptz', unread: 'int4', jobs: 'int4', live: 'int4' },
    text: `WITH n AS (
       INSERT INTO "Notification" (id, "userId", "officeId", event, "eventKey", params, link, "requestId", "createdAt")
       SELECT x.id, x.u, $3, $4, $5, $6::json::jsonb, $7, $8, now() FROM unnest($1::uuid[], $2::uuid[]) AS x(id, u)
       ON CONFLICT DO NOTHING
       RETURNING id, "userId", "createdAt"
     ), c AS (
       SELECT n.id, n."userId", n."createdAt",
              ((SELECT count(*) FROM "Notification" x WHERE x."userId" = n."userId" AND x."readAt" IS NULL) + 1)::int4 AS unread
         FROM n
     ), d AS (
       INSERT INTO "NotificationDelivery" (id, "notificationId", channel, address, "notBefore")
       SELECT o.id, o.n, o.c, o.a, $14::timestamptz FROM unnest($10::uuid[], $11::uuid[], $12::text[], $13::text[]) AS o(id, n, c, a)
        WHERE o.n IN (SELECT id FROM n)
       ON CONFLICT DO NOTHING
       RETURNING id
     ), j AS (
       SELECT count(*)::int4 AS added FROM "${schema}".add_jobs(ARRAY(
         SELECT json_populate_record(NULL::"${schema}".job_spec, json_build_object(
                  'identifier', 'notify_deliver', 'payload', json_build_object('deliveryId', d.id),
                  'run_at', $14::timestamptz, 'max_attempts', $15::int4, 'priority', 1))
           FROM d))
     ), l AS (
       SELECT count(pg_notify($16, CASE WHEN p.m ? 'notification'
                THEN jsonb_set(jsonb_set(p.m, '{unreadCount}', to_jsonb(c.unread)), '{notification,createdAt}', to_jsonb(c."createdAt"))::text
                ELSE p.m::text END))::int4 AS sent
         FROM c JOIN unnest($1::uuid[], $9::text[]) AS t(id, m) ON t.id = c.id
         CROSS JOIN LATERAL (SELECT t.m::jsonb AS m) AS p
     )
     SELECT c.id, c."userId", c."createdAt", c.unread, (SELECT added FROM j) AS jobs, (SELECT sent FROM l) AS live FROM c`,
  });

/** The fan-out with the default job schema (the one the contract test prepares). */
export const FAN_OUT = fanOutStatement('graphile_worker');

export type DeliveryRow = Pick<NotificationDelivery, 'id' | 'status' | 'channel' | 'address'> &
  Pick<Notification, 'event' | 'link'> & { params: Record<string, unknown> } & Pick<User, 'language' | 'active'>;

/** One outbound copy with what its text needs: the notification and the person's language. */
export const DELIVERY = statement<DeliveryRow>()({
  name: 'notification.delivery.v1',
  params: ['uuid'],
  columns: { id: 'uuid', status: 'text', channel: 'text', address: 'text', event: 'text', link: 'text?', params: 'json', language: 'text', active: 'bool' },
  text: `SELECT d.id, d.status, d.channel, d.address, n.event, n.link, n.params::json AS params, u.language, u.active
     FROM "NotificationDelivery" d
     JOIN "Notification" n ON n.id = d."notificationId"
     JOIN "User" u ON u.id = n."userId"
    WHERE d.id = $1`,
});

/** Handed over: SENT, once (a copy already SENT stays as it is). */
export const DELIVERY_SENT = statement<Pick<NotificationDelivery, 'id'>>()({
  name: 'notification.delivery-sent.v1',
  params: ['uuid'],
  columns: { id: 'uuid' },
  text: `UPDATE "NotificationDelivery" SET status = 'SENT', "sentAt" = now(), attempts = attempts + 1, error = NULL
    WHERE id = $1 AND status = 'PENDING' RETURNING id`,
});
