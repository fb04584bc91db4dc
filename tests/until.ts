/**
 * Polls `what` every `stepMs` until it holds (true) or `ms` pass (false): for work a test starts
 * but does not await, such as a listener's reconnect or a background copy.
 */
export async function until(what: () => boolean | Promise<boolean>, ms = 1_000, stepMs = 10): Promise<boolean> {
  const end = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return true;
}
