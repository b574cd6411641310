/**
 * Local Serverless plugin (221号 on paper, issue 16): puts the CJK font of the PDF forms (Noto Sans SC Regular,
 * GB2312 cut, from @embedpdf/fonts-sc, OFL-1.1) into the packages of the functions that print them, and into no
 * other — found by the font's path in the bundle (functions/src/exports/pdf.ts), as jieba-package.cjs finds its
 * users. At run time pdf.ts reads it from /var/task/node_modules/…; locally from the repository's node_modules.
 *
 * Why not in the bundle: 8 MB of font in a JavaScript string would be parsed at every cold start; read from the
 * file, functions/src/exports/opentype.ts reads only the tables it needs and embeds only the glyphs used.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { InjectPlugin } = require('./package-inject.cjs');

const PACKAGE = 'node_modules/@embedpdf/fonts-sc';
const FILES = ['fonts/NotoSansHans-Regular.otf', 'LICENSE', 'package.json'];

class CjkFontPackage extends InjectPlugin {
  label = 'cjk font';
  needle = `${PACKAGE}/${FILES[0]}`;

  /** The font is compressed already (CFF): stored as it is, not deflated again. */
  files() {
    const root = this.serverless.config.servicePath;
    return Object.fromEntries(
      FILES.map((f) => [
        `${PACKAGE}/${f}`,
        [new Uint8Array(fs.readFileSync(path.join(root, PACKAGE, f))), { level: 0 }],
      ]),
    );
  }
}

module.exports = CjkFontPackage;
