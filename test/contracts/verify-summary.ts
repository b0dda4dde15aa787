/**
 * Returns specgate's summary from the text output of `pact verify`: the lines from the first
 * `pact ` line on. Off a terminal, Pact's own progress text comes before it.
 */
export function verifySummary(stdout: string): string {
  const start = stdout.search(/^pact /m);
  return start === -1 ? stdout : stdout.slice(start);
}
