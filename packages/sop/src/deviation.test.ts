import { checkDeviation, type DeviationCheck, type DeviationResult } from './deviation';

describe('checkDeviation', () => {
  it.each<[string, DeviationCheck, DeviationResult]>([
    ['no history', { current: 80, previous: null, thresholdPoints: 25 }, { difference: null, trend: null, flagged: false }],
    ['no current value', { current: null, previous: 80, thresholdPoints: 25 }, { difference: null, trend: null, flagged: false }],
    ['small rise', { current: 90, previous: 80, thresholdPoints: 25 }, { difference: 10, trend: 'UP', flagged: false }],
    ['small fall', { current: 70, previous: 80, thresholdPoints: 25 }, { difference: -10, trend: 'DOWN', flagged: false }],
    ['unchanged', { current: 80, previous: 80, thresholdPoints: 25 }, { difference: 0, trend: 'FLAT', flagged: false }],
    ['exactly the threshold is not flagged', { current: 105, previous: 80, thresholdPoints: 25 }, { difference: 25, trend: 'UP', flagged: false }],
    ['just above the threshold', { current: 105.01, previous: 80, thresholdPoints: 25 }, { difference: 25.01, trend: 'UP', flagged: true }],
    ['far below', { current: 20, previous: 95, thresholdPoints: 25 }, { difference: -75, trend: 'DOWN', flagged: true }],
    ['threshold 0 flags any change', { current: 80.5, previous: 80, thresholdPoints: 0 }, { difference: 0.5, trend: 'UP', flagged: true }],
    ['rounding of the difference', { current: 33.33, previous: 66.67, thresholdPoints: 25 }, { difference: -33.34, trend: 'DOWN', flagged: true }],
  ])('%s', (_name, input, expected) => {
    expect(checkDeviation(input)).toEqual(expected);
  });
});
