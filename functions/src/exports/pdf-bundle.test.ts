import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { bundled, ROOT } from '../../../test/support/bundle';

describe('the PDF forms as bundled (functions/esbuild.json)', () => {
  it('print without the stubbed WOFF2 decoder and PDF encryption', async () => {
    const { file, inputs } = await bundled(
      `import { renderPaperForm } from ${JSON.stringify(join(ROOT, 'functions/src/exports/pdf'))};\n` +
        'renderPaperForm({ title: "需求表", subtitle: "工信厅企业函〔2024〕221号", link: "https://example.com/d/1",\n' +
        '  sections: [{ heading: "一、需求", rows: [{ label: "需求名称", value: "高速电主轴热误差补偿" }] }],\n' +
        '  stamps: ["企业（盖章）", "日期"] }).then((b) => process.stdout.write(b.toString("latin1")));\n',
    );
    expect(inputs.filter((f) => /node_modules\/(@noble\/ciphers|brotli)\//.test(f))).toEqual([]);
    expect(inputs).toEqual(
      expect.arrayContaining(['functions/src/exports/no-pdf-encryption.ts', 'functions/src/exports/no-woff2.ts']),
    );
    // The font is found upwards from the working directory, as a local run finds it.
    const pdf = execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'latin1' });
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/FontFile3'); // the CJK font embedded (CFF), subset to the glyphs used
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  }, 60_000);
});
