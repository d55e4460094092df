import type id from './id';

// English. Same keys as id.ts (typed), so a missing key is a type error.
const en: typeof id = {
  app: { name: 'SIPEDAKI', full: 'Performance Data Collection Information System', skip: 'Skip to content' },
  nav: { home: 'Home', requests: 'Requests', register: 'New incoming letter', admin: 'Administration', logout: 'Log out', menu: 'Menu', language: 'Language' },
  common: {
    loading: 'Loading…', saving: 'Saving…', save: 'Save', cancel: 'Cancel', back: 'Back', retry: 'Try again',
    empty: 'Nothing here yet.', error: 'Something went wrong. Please try again shortly.', network: 'Cannot reach the server. Check your connection.',
    yes: 'Yes', no: 'No', required: 'required', optional: 'optional', open: 'Open', saved: 'Saved.', none: '—', all: 'All', year: 'Year', triwulan: 'Quarter', setahun: 'Whole year',
  },
  login: {
    title: 'Log in', login: 'NIP or username', password: 'Password', submit: 'Log in', busy: 'Logging in…',
    hint: 'An 18-digit NIP may contain spaces.', expired: 'Your session ended. Please log in again.',
  },
  home: {
    title: 'Waiting for you', hello: 'Welcome, {name}', empty: 'Nothing is waiting for you.', due: 'Due', overdue: 'Overdue', onTime: 'On time', step: 'Step {n}',
    quick: 'Shortcuts', open: 'Open',
  },
  inbox: {
    REQUEST_STEP: 'Step {n}: {activity}', FILL_SUBMISSION: 'Fill in the division’s performance data', FILL_RETURNED: 'Fix the returned performance data',
    REVIEW_SUBMISSION: 'Review data submitted by a division', ACKNOWLEDGE_REPORT: 'Receive the performance report', ESCALATION: 'Late: step {n} is past its standard time',
  },
  requests: { title: 'Data requests', empty: 'No data requests yet.', more: 'Load more', total: '{n} requests', acknowledged: 'Received by the Head', filterYear: 'Year', progress: 'Divisions accepted' },
  register: {
    title: 'Register an incoming letter', letterNumber: 'Letter number', letterDate: 'Letter date', sender: 'Sender', subject: 'Subject', notes: 'Notes',
    period: 'Period', indicators: 'Requested indicators', indicatorsHint: 'Selecting none = all active indicators.', documents: 'Documents each division must attach', submit: 'Register', selectAll: 'Select all', selectNone: 'Clear',
  },
  request: {
    letter: 'Letter', from: 'From', period: 'Period', status: 'Status', due: 'This step is due', timeline: 'Timeline of the seven steps', dispositions: 'Disposition sheets',
    noDispositions: 'No dispositions yet.', actions: 'Your actions', noActions: 'Nothing for you to do at this step.', instruction: 'Disposition / instruction', note: 'Note (optional)',
    elapsed: '{elapsed} elapsed of the standard {standard}', standard: 'Standard time {standard}', overdueBy: 'late by {m}', by: 'by {name}', state: { DONE: 'Done', ACTIVE: 'In progress', PENDING: 'Waiting' },
    mark: { PARAF: 'Initials', SIGNATURE: 'Signature', NONE: 'No mark' }, documents: 'Documents', requestedDocs: 'Requested documents', indicators: 'Requested indicators',
    progress: 'Progress per division', submitted: 'submitted', accepted: 'accepted', returned: 'returned', late: 'late', onTime: 'on time', notSubmitted: 'Not submitted', returnCount: 'returned {n}×',
    review: 'Review', openSubmission: 'Open submission', lateList: 'Late divisions', noLate: 'No division is late.',
    analysis: 'Analysis and achievement recap (step 6)', analysisNarrative: 'Analysis and evaluation: achievement, obstacles, solutions', saveAnalysis: 'Compute and save analysis', noAnalysis: 'No analysis saved yet.',
    office: 'Office', perBidang: 'Per division', perSasaran: 'Per goal', perIndicator: 'Per indicator', average: 'Average', analysisVersion: 'Version {v} ({status})',
    needAllAccepted: 'Every division must be accepted first ({accepted}/{total}).', needAnalysis: 'Save the analysis first.',
    analysisStatus: { DRAFT: 'draft', SUBMITTED: 'submitted, frozen' },
    acknowledge: 'Receive the report (signature)', acknowledgedAt: 'Received by the Head on {date}', done: 'Done', actionDone: 'Action saved.',
  },
  action: {
    DISPOSE_TO_KASUBBAG: 'Dispose to the Kasubbag', DISPOSE_TO_STAFF: 'Dispose to staff', SEND_FORMAT: 'Send the format to every division',
    FORWARD_COLLECTION: 'Forward collected data to the Kasubbag', COMPILE: 'Compile data', SUBMIT_REPORT: 'Submit the report to the Secretary', RAISE_TO_KEPALA: 'Raise the report to the Head',
  },
  submission: {
    title: 'Performance data of {bidang}', status: 'Status', returned: 'Returned for correction', reason: 'Reason', indicator: 'Indicator', target: 'Target', realisasi: 'Actual', capaian: 'Achievement', category: 'Category',
    note: 'Note', narrative: 'Narrative: achievement, obstacles, solutions', saveDraft: 'Save draft', submit: 'Send to the Kasubbag', submitted: 'Data sent.', saved: 'Draft saved.',
    documents: 'Attachments', upload: 'Upload {kind}', uploading: 'Uploading {kind}… {p}%', missing: 'Not attached yet: {list}', remove: 'Remove', readonly: 'This submission was sent and cannot be changed.',
    accept: 'Accept', returnIt: 'Return', returnReason: 'Reason for returning (at least 5 characters)', history: 'History', range: '{lo}–{hi}', noCapaian: 'not yet', unsaved: 'There are unsaved changes.',
    invalidNumber: 'Not a valid number', polarity: { HIGHER_IS_BETTER: 'higher is better', LOWER_IS_BETTER: 'lower is better', RANGE: 'range' },
    capaianStatus: { TARGET_ZERO: 'zero target', CLAMPED: 'clamped at 0', MISSING_TARGET: 'no target', INVALID_RANGE: 'invalid range', MISSING_REALISASI: 'not filled', OK: '' },
    action: { SUBMIT: 'Submitted', RETURN: 'Returned', ACCEPT: 'Accepted' },
  },
  status: { DRAFT: 'Draft', SUBMITTED: 'Submitted', RETURNED: 'Returned', ACCEPTED: 'Accepted' },
  docKind: { LHP: 'Audit report (LHP)', LHE: 'Evaluation report (LHE)', TL_HP: 'Audit follow-up (TL HP)', FORMAT: 'Format', REPORT: 'Report', DISPOSITION: 'Disposition', OTHER: 'Other' },
  role: { ADMIN: 'Administrator', KEPALA_DINAS: 'Head of Office', SEKRETARIS: 'Office Secretary', KASUBBAG: 'Head of Programme and Evaluation', PENYUSUN: 'Reporting officer', BIDANG_OPERATOR: 'Division operator', BIDANG_HEAD: 'Head of Division' },
  time: { minutes: '{m} min', hours: '{h} h', hoursMinutes: '{h} h {m} min' },
  upload: { tooLarge: 'The file is too large.', failed: 'Upload failed.', progress: 'Upload progress' },
  nip: { FORMAT: 'A NIP has 18 digits.', BIRTH_DATE: 'The birth date in the NIP is not valid.', APPOINTMENT_DATE: 'The appointment month in the NIP is not valid.', APPOINTMENT_BEFORE_BIRTH: 'Appointment before birth.' },
  admin: {
    title: 'Administration', users: 'Users', acting: 'Acting (Plt / Plh)', holidays: 'Holidays', bidang: 'Divisions', indicators: 'Indicators and targets', office: 'Office hours',
    username: 'Username', name: 'Name', nip: 'NIP', jabatan: 'Position', roles: 'Roles', password: 'Initial password', bidangOf: 'Division', addUser: 'Add user', active: 'Active', inactive: 'Inactive',
    user: 'User', role: 'Role', kind: 'Kind', decreeNo: 'Decree number', validFrom: 'From', validUntil: 'Until', assign: 'Assign',
    date: 'Date', holidayName: 'Description', addHoliday: 'Add holiday', national: 'National', local: 'Office only',
    code: 'Code', sortOrder: 'Order', addBidang: 'Add division', sasaran: 'Goal', satuan: 'Unit', polarity: 'Direction', targets: 'Targets {year} per quarter', upper: 'upper bound', addIndicator: 'Add indicator', edit: 'Edit', newIndicator: 'New indicator',
    weekday: 'Day', start: 'Start', end: 'End', offset: 'Time zone', workday: 'Working day', days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
};
export default en;
