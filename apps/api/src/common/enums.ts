import { registerEnumType } from 'type-graphql';
import {
  ActingKind,
  AnalysisStatus,
  ApiScope,
  DocumentKind,
  Polarity,
  RecordMark,
  RequestStatus,
  Role,
  SubmissionStatus,
  TargetMode,
  ValueKind,
  WebhookDeliveryStatus,
  AuditSource,
  TlStatus,
  FollowUpState,
} from '../generated/prisma/enums';

// The database enums double as the GraphQL enums, so the two cannot drift apart.
registerEnumType(Role, { name: 'Role', description: 'Peran pengguna / user role' });
registerEnumType(ActingKind, { name: 'ActingKind', description: 'Plt (Pelaksana Tugas) atau Plh (Pelaksana Harian)' });
registerEnumType(RequestStatus, { name: 'RequestStatus', description: 'Tahap permintaan data (status i = langkah SOP i)' });
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus' });
registerEnumType(DocumentKind, { name: 'DocumentKind', description: 'LHP, LHE, TL HP, format, laporan, disposisi, lainnya' });
registerEnumType(Polarity, { name: 'Polarity', description: 'Arah indikator: semakin tinggi/rendah semakin baik, atau rentang' });
registerEnumType(RecordMark, { name: 'RecordMark', description: 'Paraf atau tanda tangan' });
registerEnumType(AnalysisStatus, { name: 'AnalysisStatus' });
registerEnumType(ApiScope, { name: 'ApiScope', description: 'Cakupan baca token layanan: permintaan data, data kinerja, analisis' });
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });
registerEnumType(ValueKind, { name: 'ValueKind', description: 'Jenis nilai indikator: jumlah (bulat ≥ 0), persentase (0–100), uang (≥ 0, dua desimal), indeks (bebas)' });
registerEnumType(TargetMode, { name: 'TargetMode', description: 'Target triwulan kumulatif (Triwulan IV = target tahunan) atau per triwulan' });

export { ActingKind, AnalysisStatus, ApiScope, DocumentKind, Polarity, RecordMark, RequestStatus, Role, SubmissionStatus, TargetMode, ValueKind, WebhookDeliveryStatus };
// Findings and their follow-up (issue 14)
registerEnumType(AuditSource, { name: 'AuditSource', description: 'Sumber laporan: BPK, Inspektorat, APIP lain (LHP) atau evaluasi AKIP (LHE)' });
registerEnumType(TlStatus, { name: 'TlStatus', description: 'Status tindak lanjut skala BPK: 1 sesuai, 2 belum sesuai, 3 belum ditindaklanjuti, 4 tidak dapat ditindaklanjuti' });
registerEnumType(FollowUpState, { name: 'FollowUpState', description: 'Tindak lanjut: dikirim (menunggu APIP), diverifikasi, dikembalikan' });

export { AuditSource, TlStatus, FollowUpState };
