// How a benchmark script runs: main, then its clean-up whatever happened (an error, or
// Ctrl-C), so no database or index of a benchmark is left behind.
export function runBenchmark(main: () => Promise<void>, cleanUp: () => Promise<void>): void {
  process.once('SIGINT', () => {
    console.error('interrupted: cleaning up');
    void cleanUp().finally(() => process.exit(130));
  });
  void main()
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exitCode = 1;
    })
    .finally(() => cleanUp());
}
