#!/usr/bin/env node
// CommonJS, as is the rest of the start: Node's ES module loader alone costs a run ~10 ms.
require('../dist/launch.cjs')
  .launch(process.argv)
  .catch((error) => {
    // Only a broken install gets here (src/index.ts handles everything else): say so, in one line.
    process.stderr.write(`webcare: cannot start (${error.message}). Reinstall, or run npm run build.\n`);
    process.exitCode = 70;
  });
