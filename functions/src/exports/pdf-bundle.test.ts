import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { bundled, ROOT } from '../../../test/support/bundle';

describe('the PDF forms as bundled (functions/esbuild.json)', () => {
  it('print a form from the bundle, with the font read from node_modules', async () => {
    const { file, inputs } = await bundled(
      `import { renderPaperForm } from ${JSON.stringify(join(ROOT, 'functions/src/exports/pdf'))};\n` +
        'renderPaperForm({ title: "需求表", subtitle: "工信厅企业函〔2024〕221号", link: "https://example.com/d/1",\n' +
        '  sections: [{ heading: "一、需求", rows: [{ label: "需求名称", value: "高速电主轴热误差补偿" }] }],\n' +
        '  stamps: ["企业（盖章）", "日期"] }).then((b) => process.stdout.write(b.toString("latin1")));\n',
    );
    // The font is read and subset by our own code: no font or PDF library comes into the bundle.
    expect(inputs.filter((f) => f.includes('node_modules/')).map((f) => f.split('/')[1])).toEqual(['qrcode-generator']);
    // The font is found upwards from the working directory, as a local run finds it.
    const pdf = execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'latin1' });
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/FontFile3'); // the CJK font embedded (CFF), subset to the glyphs used
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  }, 60_000);

  it('keeps the printing functions under the 700 KB bundle bar of issue 11 (minified, as deployed)', async () => {
    for (const handler of ['paper-demand', 'paper-application', 'paper-matchmaking']) {
      const path = JSON.stringify(join(ROOT, `functions/src/handlers/${handler}`));
      const { file } = await bundled(`export { handler } from ${path};\n`, { minify: true });
      // 906 KB with pdfkit and fontkit.
      expect({ handler, underBar: statSync(file).size <= 700_000 }).toEqual({ handler, underBar: true });
    }
  }, 120_000);
});
