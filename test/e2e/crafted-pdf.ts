/**
 * A small, valid one-page PDF ("Hello") whose /OpenAction runs `js` when a viewer with PDF scripting opens
 * it — Chromium's built-in viewer does (an app.alert becomes a page dialog Playwright sees).
 */
export const pdfWithOpenActionJs = (js: string): Buffer => {
  const escaped = js.replace(/[()\\]/g, (c) => `\\${c}`);
  const content = 'BT /F1 24 Tf 20 100 Td (Hello) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>',
    `<< /Type /Action /S /JavaScript /JS (${escaped}) >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
};
