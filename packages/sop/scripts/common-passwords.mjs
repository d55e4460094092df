#!/usr/bin/env node
/**
 * Writes ../data/common-passwords.txt: the list behind the password policy's COMMON check
 * (src/password.ts). Written for this project, not copied from a leaked-password dump: the
 * words below were typed from general knowledge of what people pick — the passwords that top every
 * published "most common passwords" ranking, keyboard walks, Indonesian everyday and religious
 * words, greetings and terms of endearment, common Indonesian given names, places, football
 * clubs, national symbols and dates, and the words of this office and product ("sipedaki",
 * "dinas", "kasubbag") — then combined with the digit and symbol endings people add
 * ("123", "2026", "1945", "!"). The policy also catches any other ending (it strips digits and
 * symbols from both ends and undoes @→a, 0→o … before it looks a word up), so the file lists
 * the common *full* forms for readers and other tools.
 *
 *   node packages/sop/scripts/common-passwords.mjs      (then review and commit the file)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../data/common-passwords.txt');

const words = (s) => s.split(/\s+/).filter(Boolean);

// Passwords that lead the published rankings year after year, and keyboard walks.
const GLOBAL = words(`
password passw0rd pass passwort motdepasse contraseña senha wachtwoord
qwerty qwertz azerty qwerty1 qwertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qwe123 1q2w3e 1q2w3e4r 1q2w3e4r5t
1qaz2wsx 1qaz2wsx3edc zaq12wsx zaq1zaq1 qweasd qweasdzxc asdasd qwaszx 123qwe 123qweasd qwe123qwe
iloveyou loveyou lovely love letmein welcome welcome1 admin administrator root toor guest default changeme
monkey dragon master shadow sunshine princess football baseball soccer basketball superman batman spiderman
trustno1 starwars freedom whatever hello hello123 login secret access mustang michael jordan jennifer
charlie donald pokemon naruto doraemon pikachu minecraft fortnite roblox killer hunter ranger tigger
ashley daniel thomas robert andrew joshua matthew jessica amanda nicole michelle
computer internet google facebook instagram whatsapp youtube twitter tiktok samsung iphone android nokia
cheese cookie chocolate summer winter flower family friends forever angel angels beautiful
blink182 metallica slipknot liverpool chelsea arsenal barcelona madrid realmadrid juventus manutd
qwerty123 password1 password123 abc123 abcd1234 a1b2c3 a1b2c3d4 aa123456 abc12345 test test123 testing
user user123 demo demo123 sample example temp temporary system server database
`);

// Indonesian: everyday and religious words, greetings, endearments, sayings.
const INDONESIA = words(`
indonesia indonesiaraya nusantara garuda garudaindonesia pancasila merdeka merahputih bhinneka bhinnekatunggalika
proklamasi kemerdekaan reformasi republik nkri jakarta surabaya bandung medan semarang makassar palembang
yogyakarta jogja jogjakarta malang solo surakarta denpasar bali lombok batam pekanbaru padang manado
pontianak banjarmasin balikpapan samarinda kupang ambon jayapura papua aceh lampung bogor depok bekasi
tangerang cirebon tegal kediri nganjuk jombang madiun blitar tulungagung mojokerto sidoarjo gresik
jember banyuwangi probolinggo pasuruan lamongan tuban bojonegoro ngawi magetan ponorogo pacitan trenggalek
bismillah bismilah alhamdulillah alhamdulilah subhanallah astaghfirullah masyaallah mashaallah insyaallah
inshaallah allahuakbar lailahaillallah assalamualaikum salam islam muslim muhammad allah rasulullah
amin aamiin berkah barokah sholat ramadhan lebaran idulfitri mubarak sabar ikhlas syukur tawakal
tuhan yesus jesus kristus haleluya amen gereja natal paskah
cinta cintaku cintakamu sayang sayangku sayangkamu aku akucintakamu akusayangkamu kamu kita bersama
selamanya setia rindu kangen manis cantik ganteng tampan imut lucu gemes baby babe beb honey
mama papa mamah papah ayah ibu bunda umi abi ayahbunda mamapapa keluarga anak adik kakak abang mbak
mas nenek kakek om tante sahabat teman kawan bestie
rahasia rahasiaku katasandi kata sandi sandi password kunci masuk login akun pengguna admin
selamat selamatdatang halo hallo apakabar terimakasih makasih maaf tolong semangat sukses berhasil
bahagia senang gembira ceria damai aman tenang sehat kuat hebat juara pemenang menang
jaya jayalah majulah maju bangkit harapan impian mimpi doa doaibu restu
matahari bulan bintang langit awan hujan pelangi laut pantai gunung bunga mawar melati anggrek
kucing anjing harimau singa macan elang burung ikan kuda kelinci
nasi nasigoreng bakso sate rendang soto mie mieayam indomie kopi teh susu gula garam
merah putih biru hijau kuning hitam ungu
senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus
september oktober november desember
satu dua tiga empat lima enam tujuh delapan sembilan sepuluh seratus seribu sejuta
persib persija persebaya arema aremania bonek jakmania viking psis psm persipura bali united
timnas sepakbola bola badminton bulutangkis voli
kantor dinas pemda pemkab pemkot bupati walikota gubernur camat lurah kades desa kelurahan kecamatan
kabupaten provinsi pegawai pns asn honorer cpns pppk nip kepegawaian
sekretaris sekretariat kasubbag kabid kadis kepala kepaladinas staf staff operator penyusun evaluasi
program perencanaan laporan kinerja sakip lkjip renstra renja
dpmd pmd pemberdayaan masyarakat bappeda inspektorat bpk
sipedaki sipedaki2026 pengumpulan data datakinerja
`);

// Given names common in Indonesia.
const NAMES = words(`
agus budi dewi sri siti nur nurul ahmad achmad muhammad moh mohammad eko dwi tri joko bambang
slamet sutrisno suparman sugiono hadi hendra hendro yudi yuli yulia wati yanti rina rini rani
dian diana putri putra ayu indah fitri fitria ratna wulan lestari rahayu kartini kurniawan
setiawan wijaya santoso susanto gunawan hidayat nugroho prasetyo saputra pratama firmansyah
andi andika anang arif arief bayu benny dedi deni dimas doni edi fajar fauzi ferry galih gilang
hari heri ilham imam indra irfan iwan joni kevin lukman maman nanda novi nanda oki rizal rizky
rudi sandi taufik teguh toni wahyu wawan yoga yusuf zainal
ani anisa annisa aulia citra desi dina eka elsa erna fani fika intan lia lina maya mega mira
nadia nia nina novita nurhayati puspita rika rosa sari sinta siska tika vina wahyuni yuni
`);

const SUFFIXES = ['', '1', '12', '123', '1234', '12345', '123456', '2024', '2025', '2026', '1945', '!', '@123'];

// Full forms that are not a word plus an ending.
const PATTERNS = words(`
123456 1234567 12345678 123456789 1234567890 0123456789 987654321 9876543210 0987654321
111111 1111111111 000000 0000000000 121212 1212121212 123123 123123123 112233 11223344 1122334455
123321 12344321 147258369 159753 159357 741852963 852456 789456123 147852369 147258
666666 777777 888888 999999 12341234 11111111 88888888 99999999 22222222 10203040 102030
17081945 17agustus1945 17agustus 1708 19450817 01011990 01012000 31121999
aaaaaa abcdef abcdefg abcdefgh abcdefghij abc123456 123abc 123456abc 1234abcd
iloveyou123 iloveu sayang123 cinta123 akusayangkamu123 indonesia123 indonesia1945 garuda123 bismillah123
sipedaki123 sipedaki1 admin123 admin1234 admin12345 administrator123 password12345 p@ssw0rd p@ssword
`);

const lines = new Set();
for (const w of PATTERNS) lines.add(w.toLowerCase());
for (const w of [...GLOBAL, ...INDONESIA, ...NAMES]) {
  for (const s of SUFFIXES) lines.add(`${w}${s}`.toLowerCase());
}

const header = [
  '# Common passwords for the SIPEDAKI password policy (packages/sop/src/password.ts, COMMON).',
  '# Generated by packages/sop/scripts/common-passwords.mjs from word lists written for this',
  '# project (see the script header): globally common passwords and keyboard walks, Indonesian',
  '# words, names and places, this office\'s and product\'s words, each with the usual endings.',
  '# Not taken from any leaked-password collection. One entry per line, lower case.',
];
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${header.join('\n')}\n${[...lines].join('\n')}\n`);
process.stdout.write(`${lines.size} entries written to ${path.relative(process.cwd(), out)}\n`);
