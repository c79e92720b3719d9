#!/usr/bin/env node
// CommonJS, as is the rest of the start: Node's ES module loader alone costs a run ~10 ms.
require('../dist/launch.cjs').launch(process.argv);
