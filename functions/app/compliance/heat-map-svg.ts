import { heatMapRows, type HeatMapCell } from '../../domain/compliance/heat-map';
import { daysOfWeek } from '../../domain/duty/iso-week';
import type { StationVerdict } from '../../domain/compliance/types';

const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const LABEL_WIDTH = 260;
const CELL_WIDTH = 96;
const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 64;

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);

/** Darker green for more minutes (full at 240); a short day is red whatever its minutes; no service grey. */
function fill(cell: HeatMapCell): string {
  if (cell.short) return '#f4a6a6';
  if (cell.minutes === 0) return '#f2f2f2';
  const strength = Math.min(cell.minutes, 240) / 240;
  const lightness = Math.round(88 - strength * 40);
  return `hsl(140, 45%, ${lightness}%)`;
}

/** Words in each cell, so the picture reads without a legend: "150 分钟", "90 分钟 不足", "待核实 1". */
function cellText(cell: HeatMapCell): string {
  const parts = [cell.minutes > 0 ? `${cell.minutes} 分钟` : '—'];
  if (cell.short) parts.push('不足');
  if (cell.pending > 0) parts.push(`待核实 ${cell.pending}`);
  return parts.join(' ');
}

/**
 * The week's service minutes as an SVG heat map, station × day, in Chinese: each cell names its
 * minutes and, when no session that day qualified, "不足" on red; each station row says whether
 * the week complied ("达标" / "未达标"). Cells carry `data-station`, `data-date` and
 * `data-short`, so tests and tools read the content rather than pixels.
 */
export function complianceHeatMapSvg(week: string, timezone: string, stations: readonly StationVerdict[], stationNames: ReadonlyMap<string, string>): string {
  const rows = heatMapRows(week, timezone, stations);
  const width = LABEL_WIDTH + CELL_WIDTH * 7;
  const height = HEADER_HEIGHT + ROW_HEIGHT * rows.length + 8;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" font-size="13">`,
    `<title>${escapeXml(`${week} 各站点每日服务时长（分钟）`)}</title>`,
    `<text x="8" y="22" font-size="16" font-weight="bold">${escapeXml(`${week} 各站点每日服务时长（分钟）；红色“不足”：当天没有合格的服务`)}</text>`,
    ...daysOfWeek(week, timezone).map((day, index) => `<text x="${LABEL_WIDTH + CELL_WIDTH * index + CELL_WIDTH / 2}" y="${HEADER_HEIGHT - 10}" text-anchor="middle">${WEEKDAY_LABELS[index]} ${day.date.slice(5)}</text>`),
  ];
  rows.forEach((row, rowIndex) => {
    const y = HEADER_HEIGHT + ROW_HEIGHT * rowIndex;
    const name = stationNames.get(row.stationId) ?? row.stationId;
    parts.push(
      `<g data-station="${escapeXml(row.stationId)}" data-compliant="${row.compliant}">`,
      `<text x="8" y="${y + ROW_HEIGHT / 2 + 5}">${escapeXml(name)}（${row.compliant ? '达标' : '未达标'}）</text>`,
    );
    row.cells.forEach((cell, index) => {
      const x = LABEL_WIDTH + CELL_WIDTH * index;
      parts.push(
        `<g data-date="${cell.date}" data-minutes="${cell.minutes}" data-short="${cell.short}" data-pending="${cell.pending}">`,
        `<rect x="${x + 1}" y="${y + 1}" width="${CELL_WIDTH - 2}" height="${ROW_HEIGHT - 2}" fill="${fill(cell)}"/>`,
        `<text x="${x + CELL_WIDTH / 2}" y="${y + ROW_HEIGHT / 2 + 5}" text-anchor="middle"${cell.short ? ' fill="#8b0000" font-weight="bold"' : ''}>${escapeXml(cellText(cell))}</text>`,
        '</g>',
      );
    });
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('\n');
}
