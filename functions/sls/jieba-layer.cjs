/**
 * Local Serverless plugin (library area, issue 15): builds the `jieba` Lambda layer before the artefacts are made.
 *
 * @node-rs/jieba is a native module (napi) with 11 MB of dictionaries: esbuild cannot bundle it, so it is
 * `external` in custom.esbuild (and in `exclude`, so serverless-esbuild installs it into no function's package);
 * the functions that segment text take it from this layer (/opt/nodejs/node_modules, on Lambda's NODE_PATH). The
 * layer holds the package as installed (JavaScript, dictionaries) and the binary for the functions' architecture
 * (arm64: @node-rs/jieba-linux-arm64-gnu of the same version), which npm does not install on an x64 machine: it
 * is fetched with `npm pack` (from npm's cache when offline once it has been fetched).
 *
 * Locally (serverless-offline) nothing of this runs: bundles resolve @node-rs/jieba from the repository's
 * node_modules.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const LAYER_DIR = '.jieba-layer';

class JiebaLayer {
  constructor(serverless, _options, { log } = {}) {
    this.serverless = serverless;
    this.log = log;
    this.hooks = {
      'before:package:createDeploymentArtifacts': () => this.build(),
      'before:deploy:function:packageFunction': () => this.build(),
    };
  }

  build() {
    const root = this.serverless.config.servicePath;
    const source = path.join(root, 'node_modules', '@node-rs', 'jieba');
    const version = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version;
    const arch = this.serverless.service.provider.architecture === 'x86_64' ? 'x64' : 'arm64';
    const binaryPackage = `@node-rs/jieba-linux-${arch}-gnu`;
    const target = path.join(root, LAYER_DIR, 'nodejs', 'node_modules', '@node-rs');
    const stamp = path.join(root, LAYER_DIR, `.built-${version}-${arch}`);
    if (fs.existsSync(stamp)) return;
    fs.rmSync(path.join(root, LAYER_DIR), { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    fs.cpSync(source, path.join(target, 'jieba'), { recursive: true, dereference: true });
    const binaryDir = path.join(target, `jieba-linux-${arch}-gnu`);
    const installed = path.join(root, 'node_modules', binaryPackage);
    if (fs.existsSync(installed)) {
      fs.cpSync(installed, binaryDir, { recursive: true, dereference: true });
    } else {
      const tmp = fs.mkdtempSync(path.join(root, LAYER_DIR, 'pack-'));
      try {
        const out = execFileSync(
          'npm',
          ['pack', `${binaryPackage}@${version}`, '--pack-destination', tmp, '--prefer-offline', '--silent'],
          { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
        ).trim();
        const tarball = path.join(tmp, out.split('\n').pop());
        fs.mkdirSync(binaryDir, { recursive: true });
        execFileSync('tar', ['-xzf', tarball, '-C', binaryDir, '--strip-components=1']);
      } catch (err) {
        throw new this.serverless.classes.Error(
          `jieba layer: could not fetch ${binaryPackage}@${version} for Lambda (${arch}); run once with network ` +
            `access (npm caches it) — ${err.message}`,
        );
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
    fs.writeFileSync(stamp, '');
    this.log?.verbose?.(`jieba layer built: @node-rs/jieba ${version} + ${binaryPackage}`);
  }
}

module.exports = JiebaLayer;
