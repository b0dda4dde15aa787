// Preloaded with `node --import` when GNU time is missing. When the process exits, it appends
// one JSON line with its peak RSS (kilobytes) and CPU time (milliseconds) to the file named by
// SPECGATE_BENCH_USAGE_FILE. A process killed by a signal writes nothing.
import { appendFileSync } from 'node:fs';

const usageFile = process.env.SPECGATE_BENCH_USAGE_FILE;

if (usageFile) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const record = { rssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    appendFileSync(usageFile, `${JSON.stringify(record)}\n`);
  });
}
