/** A one-line progress bar on stderr (only when stderr is a terminal; otherwise phase lines). */
export const createProgressBar = () => {
  const isTty = process.stderr.isTTY;
  let lastPhase = '';
  return {
    update: ({ phase, done, total }: { phase: string; done: number; total: number }) => {
      if (!isTty) {
        if (phase !== lastPhase) process.stderr.write(`${phase}…\n`);
        lastPhase = phase;
        return;
      }
      const width = 30;
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r${phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}   `);
      if (phase === 'done') process.stderr.write('\n');
    },
  };
};
