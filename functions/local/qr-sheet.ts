import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { serviceCodeUrl } from '../domain/report-url';

/**
 * Print-ready service-code QR codes (城市服务码) of a district's stations: one SVG per station and
 * one A4 PDF sheet with the name, address and code under each QR code. A development tool (the
 * npm `qrcode` and `pdfkit` packages and the CJK font are dev dependencies, never in a Lambda).
 * Chinese text needs a font with CJK glyphs: Noto Sans SC (OFL), from the npm package
 * @embedpdf/fonts-sc, embedded as a subset, so the sheet prints the same on any machine.
 */

export interface QrStation {
  id: string;
  name: string;
  address?: string;
  serviceCode: string;
}

export interface StationQr {
  station: QrStation;
  url: string;
  /** The SVG document (qrcode's own renderer, modules as one stroked path). */
  svg: string;
}

/** Error correction M (15 %): survives a scuffed sticker; the URLs stay short enough for a 33-module code. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The package exports only its index; its font files sit beside it (`fonts/`, as its `files` list ships them). */
const CJK_FONT = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');

/** The QR code of each station, holding its report URL (the district's `reportUrl` template or `<baseUrl>/r/<code>`). */
export async function stationQrs(stations: readonly QrStation[], options: { template?: string; baseUrl: string }): Promise<StationQr[]> {
  return Promise.all(
    stations.map(async (station) => {
      const url = serviceCodeUrl(station.serviceCode, options);
      return { station, url, svg: await QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' }) };
    }),
  );
}

// A4 in points, 3 × 4 labels a page.
const PAGE = { width: 595.28, height: 841.89, margin: 36 };
const COLUMNS = 3;
const ROWS = 4;
const QR_SIZE = 130;

/** The A4 sheet: each station's QR code drawn as vectors from the SVG's own path, its name, address and code beneath. */
export function qrSheetPdf(qrs: readonly StationQr[], title: string): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: PAGE.margin, info: { Title: title, Creator: 'community-city-services qr' } });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  document.registerFont('cjk', CJK_FONT);
  document.font('cjk');
  const cellWidth = (PAGE.width - 2 * PAGE.margin) / COLUMNS;
  const cellHeight = (PAGE.height - 2 * PAGE.margin - 24) / ROWS;
  qrs.forEach((qr, index) => {
    const slot = index % (COLUMNS * ROWS);
    if (index > 0 && slot === 0) document.addPage();
    if (slot === 0) document.fontSize(12).fillColor('#000').text(title, PAGE.margin, PAGE.margin, { width: PAGE.width - 2 * PAGE.margin, align: 'center' });
    const x = PAGE.margin + (slot % COLUMNS) * cellWidth;
    const y = PAGE.margin + 24 + Math.floor(slot / COLUMNS) * cellHeight;
    drawQr(document, qr.svg, x + (cellWidth - QR_SIZE) / 2, y);
    const textOptions = { width: cellWidth - 8, align: 'center' as const };
    document.fontSize(10).fillColor('#000').text(qr.station.name, x + 4, y + QR_SIZE + 4, textOptions);
    if (qr.station.address) document.fontSize(7.5).fillColor('#333').text(qr.station.address, textOptions);
    document.fontSize(9).fillColor('#000').text(qr.station.serviceCode, textOptions);
  });
  document.end();
  return done;
}

/** Draws the SVG's module path scaled to QR_SIZE: the PDF shows exactly the modules of the SVG file. */
function drawQr(document: PDFKit.PDFDocument, svg: string, x: number, y: number): void {
  const modules = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1]!;
  document.save().translate(x, y).scale(QR_SIZE / modules);
  document.path(path).lineWidth(1).strokeColor('#000').stroke();
  document.restore();
}

/** Writes `<out>/<station id>.svg` for each station and `<out>/<district>-qr-codes.pdf`; answers the files written. */
export async function writeQrFiles(qrs: readonly StationQr[], options: { outDir: string; districtId: string; title: string }): Promise<string[]> {
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const qr of qrs) {
    const file = join(options.outDir, `${qr.station.id}.svg`);
    await writeFile(file, qr.svg);
    written.push(file);
  }
  const sheet = join(options.outDir, `${options.districtId}-qr-codes.pdf`);
  await writeFile(sheet, await qrSheetPdf(qrs, options.title));
  written.push(sheet);
  return written;
}
