import type { Command } from 'commander';

/** Registers the `simulate` commands (none yet: this stage has not landed). */
export function register(_program: Command): void {}
