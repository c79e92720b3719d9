#!/usr/bin/env node
// How fast the pure classifier reads messages, in process (no start-up): the share of every
// `draft` and `batch` line spent guessing type, persona, topic, language and fault. No issue sets
// a target for it; batch's 10,000 messages/s is the budget it lives inside.
// Usage: node bench/classify.mjs [--messages 20000] [--quick]
import { messages } from './batch.mjs';
import { count, fixed, importCore, inTempDir, option, perSecond, row, runIfMain } from './lib.mjs';

export async function run({ quick = false, total = quick ? 5_000 : 20_000 } = {}) {
  console.error(`classify: ${total} generated messages in process, node ${process.version}`);
  const { classify } = await inTempDir((dir) => importCore('classify', dir));
  const texts = messages(total).map((m) => m.text);
  const rate = perSecond((text) => classify(text), texts);
  return [row('classify', 'classify() in process', `${count(rate)} msgs/s (${fixed(1e6 / rate)} µs each)`)];
}

await runIfMain(import.meta.url, run, (args, quick) => ({ total: option(args, '--messages', quick ? 5_000 : 20_000) }));
