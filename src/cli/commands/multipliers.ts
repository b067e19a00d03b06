import type { Command } from 'commander';

/** Registers the `multipliers` commands (none yet: this stage has not landed). */
export function register(_program: Command): void {}
