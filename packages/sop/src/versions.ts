/**
 * Versions of a Bidang's submission (issue 11): every hand-in to the secretariat keeps a snapshot
 * of the values, the narrative and the documents as they were. The reviewer sees what changed
 * between two versions, e.g. since the version he returned. Pure: the API stores and loads.
 */
import type { DocumentKind } from './steps';

export interface VersionValue {
  indicatorId: string;
  code: string;
  name: string;
  realisasi: number | null;
  note: string | null;
}

export interface VersionDocument {
  id: string;
  kind: DocumentKind;
  filename: string;
  sha256: string;
  size: number;
}

export interface VersionSnapshot {
  narrative: string | null;
  values: VersionValue[];
  documents: VersionDocument[];
}

export interface ValueChange {
  indicatorId: string;
  code: string;
  name: string;
  before: number | null;
  after: number | null;
  noteBefore: string | null;
  noteAfter: string | null;
}

export type DocumentChangeKind = 'ADDED' | 'REMOVED' | 'REPLACED';

export interface DocumentChange {
  kind: DocumentKind;
  change: DocumentChangeKind;
  before: VersionDocument | null;
  after: VersionDocument | null;
  /** A replacement with the very same bytes (same SHA-256): uploaded again, content unchanged. */
  sameContent: boolean;
}

export interface VersionComparison {
  values: ValueChange[];
  documents: DocumentChange[];
  narrative: { before: string | null; after: string | null } | null;
}

const blank = (s: string | null | undefined) => (s ?? '').trim() || null;

/**
 * What changed from `before` to `after`: values whose realisasi or note differ (an indicator only
 * in one of them counts as empty in the other), documents per kind (a file that left and one that
 * came of the same kind is a replacement; the rest were added or removed), and the narrative.
 * Ordered by indicator code and by document kind, so two calls give the same answer.
 */
export function compareVersions(before: VersionSnapshot, after: VersionSnapshot): VersionComparison {
  const values: ValueChange[] = [];
  const ids = new Set([...before.values, ...after.values].map((v) => v.indicatorId));
  for (const id of ids) {
    const a = before.values.find((v) => v.indicatorId === id);
    const b = after.values.find((v) => v.indicatorId === id);
    const ref = (b ?? a) as VersionValue;
    const change: ValueChange = {
      indicatorId: id,
      code: ref.code,
      name: ref.name,
      before: a?.realisasi ?? null,
      after: b?.realisasi ?? null,
      noteBefore: blank(a?.note),
      noteAfter: blank(b?.note),
    };
    if (change.before !== change.after || change.noteBefore !== change.noteAfter) values.push(change);
  }
  values.sort((x, y) => x.code.localeCompare(y.code, 'id', { numeric: true }));

  const documents: DocumentChange[] = [];
  const kinds = [...new Set([...before.documents, ...after.documents].map((d) => d.kind))].sort();
  for (const kind of kinds) {
    const afterIds = new Set(after.documents.map((d) => d.id));
    const beforeIds = new Set(before.documents.map((d) => d.id));
    const gone = before.documents.filter((d) => d.kind === kind && !afterIds.has(d.id));
    const came = after.documents.filter((d) => d.kind === kind && !beforeIds.has(d.id));
    const pairs = Math.min(gone.length, came.length);
    for (let i = 0; i < pairs; i++) {
      const [g, c] = [gone[i] as VersionDocument, came[i] as VersionDocument];
      documents.push({ kind, change: 'REPLACED', before: g, after: c, sameContent: g.sha256 === c.sha256 });
    }
    for (const g of gone.slice(pairs)) documents.push({ kind, change: 'REMOVED', before: g, after: null, sameContent: false });
    for (const c of came.slice(pairs)) documents.push({ kind, change: 'ADDED', before: null, after: c, sameContent: false });
  }

  const narrative = blank(before.narrative) === blank(after.narrative) ? null : { before: blank(before.narrative), after: blank(after.narrative) };
  return { values, documents, narrative };
}
