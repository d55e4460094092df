/**
 * A tally of attacks per class, so the suite can say in one line per class what it tried and what
 * held (issue 9). Use it inside a test:
 *
 *   const attack = attacks('akses dokumen');
 *   it('a Bidang operator cannot download the recap', () => attack('recap by id', async () => { …expects… }));
 *
 * An attempt counts as held only when its body finished without a failed expectation. The counts
 * go to the file named by SIPEDAKI_ATTACK_LOG (scripts/test.mjs sets it and prints the lines
 * before its summary); without it, each file prints its own lines when it ends.
 */
import fs from 'node:fs';

export function attacks(cls: string) {
  const counts = { tried: 0, held: 0 };
  afterAll(() => {
    const log = process.env.SIPEDAKI_ATTACK_LOG;
    if (log) fs.appendFileSync(log, `${JSON.stringify({ cls, ...counts })}\n`);
    else process.stdout.write(`[attacks] ${cls}: ${counts.tried} tried, ${counts.held} held\n`);
  });
  return async function attack(_name: string, run: () => Promise<void>): Promise<void> {
    counts.tried++;
    await run();
    counts.held++;
  };
}
