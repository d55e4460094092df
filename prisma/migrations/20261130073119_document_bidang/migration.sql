-- AlterTable
ALTER TABLE "StoredDocument" ADD COLUMN     "bidangId" UUID;

-- AddForeignKey
ALTER TABLE "StoredDocument" ADD CONSTRAINT "StoredDocument_bidangId_fkey" FOREIGN KEY ("bidangId") REFERENCES "Bidang"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill (issue 9, document visibility): attachments belong to their submission's Bidang.
UPDATE "StoredDocument" d SET "bidangId" = s."bidangId"
  FROM "BidangSubmission" s
 WHERE d."submissionId" = s."id";

-- Formats issued before this column existed are named format-<Bidang code>-<letter date>.pdf
-- (report.service.ts, safeName); give each the Bidang whose code matches, when exactly one does.
-- Any left over stays a request-level format (seen by every Bidang of the request).
UPDATE "StoredDocument" d SET "bidangId" = m."bidangId"
  FROM (
    SELECT d2."id", min(b."id"::text)::uuid AS "bidangId"
      FROM "StoredDocument" d2
      JOIN "DataRequest" r ON r."id" = d2."requestId"
      JOIN "Bidang" b ON b."officeId" = d2."officeId"
     WHERE d2."kind" = 'FORMAT' AND d2."submissionId" IS NULL AND d2."verificationCode" IS NOT NULL
       AND d2."filename" = 'format-' || left(regexp_replace(regexp_replace(b."code", '[^A-Za-z0-9_.-]+', '_', 'g'), '_+', '_', 'g'), 80)
                           || '-' || to_char(r."letterDate", 'YYYY-MM-DD') || '.pdf'
     GROUP BY d2."id"
    HAVING count(*) = 1
  ) m
 WHERE d."id" = m."id";

-- An issued document (a PDF with a verification code, printed with its QR code) is a record: it
-- is never deleted and its identity never changes, whatever the application does (issue 9, item 4).
-- The service refuses first with a clear error; this is the backstop, like AuditEvent's trigger.
CREATE FUNCTION "stored_document_issued_is_permanent"() RETURNS trigger AS $$
BEGIN
  IF OLD."verificationCode" IS NULL THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE'
     OR NEW."verificationCode" IS DISTINCT FROM OLD."verificationCode"
     OR NEW."sha256" <> OLD."sha256" OR NEW."storageKey" <> OLD."storageKey" OR NEW."size" <> OLD."size"
     OR NEW."kind" <> OLD."kind" OR NEW."officeId" <> OLD."officeId" OR NEW."requestId" IS DISTINCT FROM OLD."requestId" THEN
    RAISE EXCEPTION 'StoredDocument % carries a verification code and is permanent (% refused)', OLD."id", TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "StoredDocument_issued_permanent"
  BEFORE UPDATE OR DELETE ON "StoredDocument"
  FOR EACH ROW EXECUTE FUNCTION "stored_document_issued_is_permanent"();
