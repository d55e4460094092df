import { CANCELLED_KIND, HOLIDAY_SOURCES, missingHolidayYear, NATIONAL_HOLIDAYS, officeClosedDates } from './holidays';

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

describe('national holidays', () => {
  it.each(NATIONAL_HOLIDAYS.map((h) => [h.date, h.name]))('%s (%s) is a real date', (date) => {
    expect(isRealDate(date)).toBe(true);
  });

  it('lists each date once, in order', () => {
    const dates = NATIONAL_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it.each([
    [2026, 'LIBUR_NASIONAL', 17],
    [2026, 'CUTI_BERSAMA', 8],
    [2027, 'LIBUR_NASIONAL', 18],
    [2027, 'CUTI_BERSAMA', 8],
  ])('%i has the decree’s count of %s: %i', (year, kind, count) => {
    expect(NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`) && h.kind === kind)).toHaveLength(count);
  });

  it.each([
    ['2026-03-20', 'CUTI_BERSAMA'],
    ['2026-03-21', 'LIBUR_NASIONAL'],
    ['2026-08-17', 'LIBUR_NASIONAL'],
    ['2026-12-24', 'CUTI_BERSAMA'],
    ['2027-03-09', 'CUTI_BERSAMA'],
    ['2027-03-10', 'LIBUR_NASIONAL'],
    ['2027-03-15', 'CUTI_BERSAMA'],
    ['2027-12-26', 'LIBUR_NASIONAL'],
  ])('%s is %s', (date, kind) => {
    expect(NATIONAL_HOLIDAYS.find((h) => h.date === date)?.kind).toBe(kind);
  });

  it('ships only years whose source is marked shipped', () => {
    const shippedYears = new Set(HOLIDAY_SOURCES.filter((s) => s.shipped).map((s) => s.year));
    const listedYears = new Set(NATIONAL_HOLIDAYS.map((h) => Number(h.date.slice(0, 4))));
    expect([...listedYears]).toEqual([...shippedYears]);
  });

  it('cites the 2026 and 2027 SKB 3 Menteri', () => {
    const s2026 = HOLIDAY_SOURCES.find((s) => s.year === 2026);
    const s2027 = HOLIDAY_SOURCES.find((s) => s.year === 2027);
    expect(s2026?.decree).toContain('Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025');
    expect(s2027).toMatchObject({ shipped: true, signedOn: '2026-09-15' });
    expect(s2027?.decree).toContain('Nomor 1205 Tahun 2026, Nomor 3 Tahun 2026, Nomor 2 Tahun 2026');
  });
});

describe('an office calendar: national days, its own days, cancelled national days', () => {
  const rows = [
    { date: '2027-03-10', national: true, kind: 'LIBUR_NASIONAL' },
    { date: '2027-03-11', national: true, kind: 'LIBUR_NASIONAL' },
    { date: '2027-05-17', national: true, kind: 'LIBUR_NASIONAL' },
    // Iduladha moved by a later KMA: the 17th cancelled, the 16th added.
    { date: '2027-05-17', national: false, kind: CANCELLED_KIND },
    { date: '2027-05-16', national: false, kind: 'LIBUR_NASIONAL' },
    { date: '2027-04-22', national: false, kind: 'LIBUR_DINAS' },
  ];
  it('is national ∪ own − cancelled, sorted, each date once', () => {
    expect(officeClosedDates(rows)).toEqual(['2027-03-10', '2027-03-11', '2027-04-22', '2027-05-16']);
  });
  it('a cancellation row of another date cancels nothing else', () => {
    expect(officeClosedDates([{ date: '2027-01-01', national: true, kind: 'LIBUR_NASIONAL' }, { date: '2027-01-02', national: false, kind: CANCELLED_KIND }])).toEqual(['2027-01-01']);
  });
});

describe('the December warning for next year’s holidays', () => {
  const sources = [{ year: 2027, shipped: true, decree: 'x', signedOn: null, note: '', references: [] }];
  it.each([
    ['2027-11-30', 0, null],
    ['2027-12-01', 0, 2028],
    ['2027-12-31', 0, 2028],
    ['2027-12-01', 3, null],
    ['2026-12-01', 0, null],
  ])('on %s with %i days of next year entered → %s', (today, entered, expected) => {
    expect(missingHolidayYear(today, entered, sources)).toBe(expected);
  });
});
