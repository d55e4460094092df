import * as sop from './index';

describe('public API', () => {
  it.each([
    'ROLES', 'ROLE_LABELS', 'SUPERIOR', 'RECORD_KIND',
    'SOP_STEPS', 'getStep', 'SOP_META', 'REQUIRED_DOCUMENT_KINDS', 'DOCUMENT_KIND_LABELS',
    'REQUEST_TRANSITIONS', 'statusOfStep', 'stepOfStatus', 'checkRequestTransition', 'availableRequestActions',
    'SUBMISSION_TRANSITIONS', 'checkSubmissionTransition', 'isSubmissionEditable',
    'REQUEST_STATUS_LABELS', 'SUBMISSION_STATUS_LABELS',
    'DEFAULT_OFFICE_HOURS', 'makeCalendar', 'addWorkingTime', 'workingMinutesBetween', 'standardMinutes',
    'isWorkingDay', 'nextWorkingStart', 'stepTiming', 'NATIONAL_HOLIDAYS', 'HOLIDAY_SOURCES',
    'computeCapaian', 'averageCapaian', 'roundCapaian', 'checkDeviation',
    'DEFAULT_SCALE', 'SIX_BAND_SCALE', 'categorize', 'validateScale', 'scaleInForce',
    'parseNip', 'formatNip',
    'documentAudience', 'mayReadDocument', 'isOfficeWideDocument', 'SECRETARIAT_ROLES',
    'TRIWULAN_ROMAN', 'periodLabel', 'triwulanOfDate', 'previousPeriod', 'samePeriodLastYear', 'validatePeriod',
  ])('exports %s', (name) => {
    expect((sop as Record<string, unknown>)[name]).toBeDefined();
  });
});
