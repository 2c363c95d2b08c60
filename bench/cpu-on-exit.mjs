// Preloaded (node --import) into a process the repo benchmark times: at exit, writes the CPU time the
// whole process used — every thread, the analysis workers included — to the file in MLSD_BENCH_CPU_FILE,
// so the bench can tell "no spare core" from "work that does not spread over the cores".
import { writeFileSync } from 'node:fs';

const file = process.env.MLSD_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, String((userCPUTime + systemCPUTime) / 1000));
  });
}
