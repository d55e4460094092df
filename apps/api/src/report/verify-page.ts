import type { ReportService } from './report.service';
import { dateTimeId } from './pdf';

const bytesNf = new Intl.NumberFormat('id-ID');
const kbNf = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
/** "7,6 KB (7.776 bita)": readable, with the exact size a checker may compare. */
const sizeText = (n: number) => `${n >= 1024 * 1024 ? `${kbNf.format(n / 1024 / 1024)} MB` : `${kbNf.format(n / 1024)} KB`} (${bytesNf.format(n)} bita)`;

type Result = Awaited<ReturnType<ReportService['verify']>>;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** The public verification page, in Indonesian; every value is escaped. */
export function renderVerifyPage(r: Result): string {
  const verdict = !r.found
    ? `<p class="bad"><strong>Kode verifikasi tidak terdaftar.</strong> Dokumen dengan kode ini tidak diterbitkan oleh SIPEDAKI.</p>`
    : r.matches === true
      ? `<p class="ok"><strong>Salinan COCOK</strong> dengan dokumen elektronik yang tersimpan (SHA-256 sama).</p>`
      : r.matches === false
        ? `<p class="bad"><strong>Salinan TIDAK COCOK</strong> dengan dokumen elektronik yang tersimpan: isi berkas berbeda atau telah diubah.</p>`
        : `<p>Dokumen ini <strong>terdaftar</strong>. Unggah salinan berkas PDF untuk memeriksa apakah isinya sama persis.</p>`;
  const rows = r.found
    ? ([
        ['Kode verifikasi', r.code],
        ['Jenis dokumen', r.kindLabel ?? ''],
        ['Instansi', r.officeName ?? ''],
        ['Periode', r.period ?? '–'],
        ['Nama berkas', r.filename ?? ''],
        ['Diterbitkan', r.issuedAt ? dateTimeId(r.issuedAt) : ''],
        ['Ukuran', r.size === null ? '' : sizeText(r.size)],
        ['SHA-256', r.sha256 ?? ''],
      ] satisfies [string, string][])
        .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
        .join('')
    : '';
  const form = r.found
    ? `<form method="post" enctype="multipart/form-data"><label>Periksa salinan PDF: <input type="file" name="file" accept="application/pdf" required></label> <button type="submit">Periksa</button></form>`
    : '';
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verifikasi Dokumen — SIPEDAKI</title>
<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd;vertical-align:top}
td{word-break:break-all}.ok{background:#e8f5e9;padding:.8rem;border-left:4px solid #2e7d32}.bad{background:#ffebee;padding:.8rem;border-left:4px solid #c62828}</style>
</head><body>
<h1>Verifikasi Dokumen</h1>
<p>Sistem Informasi Pengumpulan Data Kinerja (SIPEDAKI)</p>
${verdict}
${rows ? `<table>${rows}</table>` : ''}
${form}
</body></html>`;
}
