/**
 * Shared by the local packaging plugins (jieba-package.cjs, cjk-font-package.cjs): after serverless-esbuild has
 * zipped each function, add files to the zips of the functions whose bundle contains `needle` — found in the
 * bundle itself, so that a new user needs no list kept in step.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Buffer } = require('node:buffer');
const { unzipSync, zipSync } = require('fflate');

/** `files()`: the files to add by their path inside the zip (built once, on first use). Returns the names served. */
function injectIntoUsers(serverless, needle, files, onAdded) {
  const root = serverless.config.servicePath;
  let added;
  const done = new Set();
  for (const name of serverless.service.getAllFunctions()) {
    const fn = serverless.service.getFunction(name);
    const artifact = fn.package?.artifact ?? serverless.service.package?.artifact;
    if (!artifact || done.has(artifact)) continue;
    done.add(artifact);
    const zipPath = path.resolve(root, artifact);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(zipPath)));
    const uses = Object.entries(entries).some(
      ([file, data]) => file.endsWith('.js') && Buffer.from(data).includes(needle),
    );
    if (!uses) continue;
    added ??= files();
    fs.writeFileSync(zipPath, zipSync({ ...entries, ...added }, { level: 6 }));
    onAdded(name, Math.round(fs.statSync(zipPath).size / 1024));
  }
}

/**
 * A Serverless plugin that runs `injectIntoUsers` after packaging: a subclass names `label`, `needle` and
 * `files()`.
 */
class InjectPlugin {
  constructor(serverless, _options, { log } = {}) {
    this.serverless = serverless;
    this.log = log;
    this.hooks = {
      'after:package:createDeploymentArtifacts': () => this.inject(),
      'after:deploy:function:packageFunction': () => this.inject(),
    };
  }

  inject() {
    injectIntoUsers(
      this.serverless,
      this.needle,
      () => this.files(),
      (name, kb) => this.log?.notice?.(`${this.label}: added to ${name} (${kb} KB)`),
    );
  }
}

module.exports = { injectIntoUsers, InjectPlugin };
