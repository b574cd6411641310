/**
 * Local Serverless plugin (library area, issue 15): puts @node-rs/jieba into the packages of the functions that
 * segment text, and into no other.
 *
 * @node-rs/jieba is a native module (napi) with 11 MB of dictionaries: esbuild cannot bundle it, so it is
 * `external` in custom.esbuild (and in `exclude`, so serverless-esbuild installs it into no package). After
 * serverless-esbuild has zipped each function, this plugin adds `node_modules/@node-rs/jieba` (JavaScript and
 * dictionaries, as installed) and the binary for the functions' architecture (arm64:
 * @node-rs/jieba-linux-arm64-gnu of the same version, which npm does not install on an x64 machine: fetched once
 * with `npm pack`, then from npm's cache) to the zips of the functions whose bundle requires it — found in the
 * bundle itself, so a new user of the segmenter needs no list kept in step. Node finds the module from the bundle
 * (/var/task/functions/src/handlers/x.js → /var/task/node_modules).
 *
 * Why not a Lambda layer: Serverless v3 compares every layer with the deployed stack while packaging
 * (CloudFormation describeStacks), so `serverless package` would need AWS credentials and network.
 *
 * Locally (serverless-offline) nothing of this runs: bundles resolve @node-rs/jieba from the repository's
 * node_modules.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { InjectPlugin } = require('./package-inject.cjs');

const STAGING = path.join('.esbuild', 'jieba');

class JiebaPackage extends InjectPlugin {
  label = 'jieba';
  needle = 'require("@node-rs/jieba';

  /** The files to add, by their path inside the zip (node_modules/@node-rs/…). */
  files() {
    const root = this.serverless.config.servicePath;
    const source = path.join(root, 'node_modules', '@node-rs', 'jieba');
    const version = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version;
    const arch = this.serverless.service.provider.architecture === 'x86_64' ? 'x64' : 'arm64';
    const binaryPackage = `@node-rs/jieba-linux-${arch}-gnu`;
    const out = {};
    const add = (dir, prefix) => {
      for (const name of fs.readdirSync(dir)) {
        const p = path.join(dir, name);
        if (fs.statSync(p).isDirectory()) add(p, `${prefix}/${name}`);
        else out[`${prefix}/${name}`] = new Uint8Array(fs.readFileSync(p));
      }
    };
    add(source, 'node_modules/@node-rs/jieba');
    const installed = path.join(root, 'node_modules', binaryPackage);
    if (fs.existsSync(installed)) {
      add(installed, `node_modules/${binaryPackage}`);
      return out;
    }
    const staged = path.join(root, STAGING, `${binaryPackage.replace('/', '+')}-${version}`);
    if (!fs.existsSync(path.join(staged, 'package.json'))) {
      fs.mkdirSync(staged, { recursive: true });
      try {
        const tarball = execFileSync(
          'npm',
          ['pack', `${binaryPackage}@${version}`, '--pack-destination', staged, '--prefer-offline', '--silent'],
          { cwd: staged, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
        )
          .trim()
          .split('\n')
          .pop();
        execFileSync('tar', ['-xzf', path.join(staged, tarball), '-C', staged, '--strip-components=1']);
        fs.rmSync(path.join(staged, tarball));
      } catch (err) {
        fs.rmSync(staged, { recursive: true, force: true });
        throw new this.serverless.classes.Error(
          `jieba: could not fetch ${binaryPackage}@${version} for Lambda (${arch}); run once with network access ` +
            `(npm caches it) — ${err.message}`,
        );
      }
    }
    add(staged, `node_modules/${binaryPackage}`);
    return out;
  }
}

module.exports = JiebaPackage;
