/**
 * Waits for a condition that another process or a timer brings about (a child's output line, a
 * server's readiness), polling instead of sleeping a fixed time that a busy machine may overrun.
 * Fails naming what it waited for; never asserts how long it took.
 */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Resolves when the child has exited; after `graceMs` it is killed (SIGKILL) and waited for. */
export async function exited(child: import('node:child_process').ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}
