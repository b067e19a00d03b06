import type { Command } from 'commander';

/** Registers the `guidelines` commands (none yet: this stage has not landed). */
export function register(_program: Command): void {}
