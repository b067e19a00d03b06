import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line, `tests: N passed, N failed` (with `, N skipped` when any), after
 * the default reporter's summary, so that any CI reading closing lines sees the counts; before it,
 * the parts of the suite left out with `DIGICGE_TEST_WITHOUT` (vitest.config.ts), if any.
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++;
    }
    const without = (process.env.DIGICGE_TEST_WITHOUT ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    if (without.length)
      process.stdout.write(`\nleft out on purpose (DIGICGE_TEST_WITHOUT): ${without.join(', ')}; this is not the full suite\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
