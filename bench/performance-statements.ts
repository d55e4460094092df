/** Prints the text of performanceData's hand-written statements as JSON, for bench/scale.mjs (3). */
import { PERFORMANCE_COUNT, PERFORMANCE_PAGE_NARROWED, PERFORMANCE_PAGE_VALUES, PERFORMANCE_PAGE_WALK } from '../apps/api/src/performance/performance.sql';

process.stdout.write(JSON.stringify({ walk: PERFORMANCE_PAGE_WALK.text, narrowed: PERFORMANCE_PAGE_NARROWED.text, values: PERFORMANCE_PAGE_VALUES.text, count: PERFORMANCE_COUNT.text }));
