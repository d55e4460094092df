import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { liveCapaian, useCapaian } from './use-capaian';

describe('use-capaian', () => {
  it('higher is better: realisasi / target', () => {
    const c = liveCapaian({ indicatorId: 'a', polarity: 'HIGHER_IS_BETTER', target: 90 }, '72');
    expect(c.capaian).toBe(80);
    expect(c.category?.code).toBe('BAIK');
  });

  it('lower is better: (2t − r) / t', () => {
    const c = liveCapaian({ indicatorId: 'a', polarity: 'LOWER_IS_BETTER', target: 20 }, '12');
    expect(c.capaian).toBe(140);
    expect(c.category?.code).toBe('SANGAT_BAIK');
  });

  it('range: 100 inside, against the crossed bound outside', () => {
    expect(liveCapaian({ indicatorId: 'a', polarity: 'RANGE', target: 20, targetUpper: 30 }, '25').capaian).toBe(100);
    expect(liveCapaian({ indicatorId: 'a', polarity: 'RANGE', target: 20, targetUpper: 30 }, '10').capaian).toBe(50);
  });

  it('reads Indonesian decimals', () => {
    expect(liveCapaian({ indicatorId: 'a', polarity: 'HIGHER_IS_BETTER', target: 200 }, '100,5').capaian).toBe(50.25);
  });

  it('reads "1.250" as one thousand two hundred fifty in Indonesian, and says so', () => {
    // The reported case: 1.250 BUMDes against a target of 45 had become 1,25 → 2,78 % "Sangat Kurang".
    const c = liveCapaian({ indicatorId: 'a', polarity: 'HIGHER_IS_BETTER', target: 1000 }, '1.250');
    expect(c.realisasi).toBe(1250);
    expect(c.capaian).toBe(125);
    expect(c.reading).toEqual({ kind: 'number', value: 1250, ambiguous: true, otherValue: 1.25 });
    const en = liveCapaian({ indicatorId: 'a', polarity: 'HIGHER_IS_BETTER', target: 1000 }, '1.250', 'en');
    expect(en.realisasi).toBe(1.25);
  });

  it('missing realisasi is null, not zero; junk is flagged', () => {
    const empty = liveCapaian({ indicatorId: 'a', polarity: 'HIGHER_IS_BETTER', target: 90 }, '');
    expect(empty.capaian).toBeNull();
    expect(empty.status).toBe('MISSING_REALISASI');
    expect(empty.category).toBeNull();
    const junk = liveCapaian({ indicatorId: 'a', polarity: 'HIGHER_IS_BETTER', target: 90 }, 'x');
    expect(junk.invalid).toBe(true);
    expect(junk.capaian).toBeNull();
  });

  it('recomputes as the inputs change', () => {
    const rows = ref([{ indicatorId: 'a', polarity: 'HIGHER_IS_BETTER' as const, target: 50 }]);
    const inputs = ref<Record<string, string>>({ a: '25' });
    const live = useCapaian(rows, inputs);
    expect(live.value.a?.capaian).toBe(50);
    inputs.value = { a: '50' };
    expect(live.value.a?.capaian).toBe(100);
    expect(live.value.a?.category?.label.id).toBe('Sangat Baik');
  });
});
