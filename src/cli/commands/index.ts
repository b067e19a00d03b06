import type { Command } from 'commander';
import { register as guidelines } from './guidelines.js';
import { register as harmonise } from './harmonise.js';
import { register as divide } from './divide.js';
import { register as sam } from './sam.js';
import { register as multipliers } from './multipliers.js';
import { register as cge } from './cge.js';
import { register as simulate } from './simulate.js';
import { register as report } from './report.js';
import { register as demo } from './demo.js';

/** Registers every stage's commands, in pipeline order. */
export function registerAll(program: Command): void {
  for (const register of [demo, guidelines, harmonise, divide, sam, multipliers, cge, simulate, report]) {
    register(program);
  }
}
