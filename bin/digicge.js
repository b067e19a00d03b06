#!/usr/bin/env node
// The `digicge` command. In a clone (src/ present) it runs the TypeScript CLI through tsx's loader,
// so there is no build step between editing and running; in the installed package (which ships
// the compiled dist/ and no src/) it runs the compiled CLI with plain node.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/cli/main.js');
}
