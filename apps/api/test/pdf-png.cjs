// Renders every page of a PDF read from stdin to PNG files (pdf.js through pdf-parse, drawn with
// @napi-rs/canvas; both already come with pdf-parse, so nothing is installed from apt). Usage:
//   node pdf-png.cjs <out-prefix> [scale]   → <out-prefix>-1.png, <out-prefix>-2.png, …
// Prints the written paths as JSON. pdf.js gets the standard-font data shipped with pdfjs-dist,
// so pdfkit's Helvetica is drawn with its metric-compatible face, not a fallback serif.
// A separate process for the same reason as pdf-text.cjs (pdf.js's dynamic import of its worker).
const fs = require('node:fs');
const path = require('node:path');
const { PDFParse } = require('pdf-parse');

const [prefix, scaleArg] = process.argv.slice(2);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [path.dirname(require.resolve('pdf-parse'))] }));
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)), standardFontDataUrl: `${pdfjsDir}/standard_fonts/` });
  try {
    const shot = await parser.getScreenshot({ scale: Number(scaleArg ?? 1.5) });
    fs.mkdirSync(path.dirname(prefix), { recursive: true });
    const files = shot.pages.map((p) => {
      const file = `${prefix}-${p.pageNumber}.png`;
      fs.writeFileSync(file, Buffer.from(p.data));
      return { file, width: p.width, height: p.height };
    });
    process.stdout.write(JSON.stringify(files));
  } finally {
    await parser.destroy();
  }
});
