#!/usr/bin/env node
import module from 'node:module';
import v8 from 'node:v8';

// Compile each regex straight to machine code. By default V8 first compiles a regex to bytecode
// for its interpreter and compiles it again to machine code once it runs a second time; for the
// checker's large phrase regexes that first compile costs more than the second, so skipping it
// makes a single `webcare check` about 10% and a batch of replies about 15% faster.
// Node keeps V8's flags writable for this call (v20, v22 and v24 tried).
v8.setFlagsFromString('--no-regexp-tier-up');
// Node 22+ keeps compiled code between runs, which roughly halves start-up; Node 20 skips it.
module.enableCompileCache?.();
const { main } = await import('../dist/index.js');
await main(process.argv);
