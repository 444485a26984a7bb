import { createHash } from 'node:crypto';
import { ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS } from '../domain/vocabulary';
import { COMMON_SCRIPT } from './page-script-common';
import { PAGE_STYLE } from './page-style';
import { REPORT_SCRIPT } from './report-page-script';
import { TRACK_SCRIPT } from './track-page-script';

/**
 * The residents' pages on the public route: `/r/<service code>` (report) and `/t/<tracking code>`
 * (status and rating). Each is one static HTML document with its style and script inline, the
 * same for every code (the script reads the code from the path and calls the public GraphQL
 * API), so a phone on a slow network loads one small file and nothing from any other site.
 * The Content-Security-Policy allows exactly these inline blocks (by hash) and calls to this
 * origin and to the photo bucket (https; plain http only on loopback, for the local server).
 */

export interface Page {
  html: string;
  headers: Record<string, string>;
}

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, script: string): Page {
  const code = `(function () {\n${COMMON_SCRIPT}\n${script}\n})();`;
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="format-detection" content="telephone=no">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1></header>
<main>
<p id="error" class="error" role="alert" hidden></p>
${body}
</main>
<script>${code}</script>
</body>
</html>
`;
  const loopback = 'http://localhost:* http://127.0.0.1:*';
  const csp = [
    "default-src 'none'",
    `script-src ${hash(code)}`,
    `style-src ${hash(PAGE_STYLE)}`,
    `img-src 'self' blob: data: https: ${loopback}`,
    `connect-src 'self' https: ${loopback}`,
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      // The tracking code is in the status page's path: no page or photo request may carry it away as a referrer.
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=300',
    },
  };
}

const categoryOptions = ISSUE_CATEGORIES.map((category) => `<option value="${category}">${escapeHtml(ISSUE_CATEGORY_LABELS[category])}</option>`).join('');

export const REPORT_PAGE: Page = page(
  '码上反映',
  `<section id="station">
<h2 id="station-name">正在读取站点…</h2>
<p id="station-address" class="muted"></p>
<ul id="station-amenities" class="chips" aria-label="便民服务"></ul>
</section>
<section id="report" hidden>
<form id="report-form" novalidate>
<label for="category">问题类型</label>
<select id="category" name="category">${categoryOptions}</select>
<label for="description">问题描述</label>
<textarea id="description" name="description" maxlength="2000" placeholder="请描述问题和具体地点"></textarea>
<label for="photos">照片（最多 3 张，选填）<span id="photo-count" class="muted"></span></label>
<input id="photos" type="file" accept="image/jpeg,image/png,image/webp,image/heic" multiple>
<div id="photo-preview" class="photos"></div>
<label>位置（选填）</label>
<button id="locate" type="button" class="secondary">添加我的位置</button>
<p id="location-state" class="muted">点击后浏览器会询问是否允许获取位置；不允许也可以提交。</p>
<label for="contact">联系电话（选填，仅工作人员可见，用于回访）</label>
<input id="contact" type="tel" maxlength="40" autocomplete="tel">
<button id="submit" type="submit">提交</button>
</form>
</section>
<section id="receipt" hidden>
<h2>已收到您的反映</h2>
<p>回执编号（请保存，凭此查询进度和评价）：</p>
<p id="tracking-code" class="code"></p>
<p class="muted">应于 <span id="due-at"></span> 前处理完毕。</p>
<p><a id="track-link" href="#">查看处理进度</a></p>
</section>`,
  REPORT_SCRIPT,
);

export const TRACK_PAGE: Page = page(
  '反映进度',
  `<section id="tracked" hidden>
<p class="muted">回执编号 <span id="code"></span></p>
<p id="status" class="status"></p>
<p><strong id="category"></strong></p>
<p id="description"></p>
<p class="muted">站点：<span id="station"></span></p>
<p class="muted">处理时限：<span id="due-at"></span></p>
<h2>处理过程</h2>
<ol id="timeline" class="timeline"></ol>
<div id="after" hidden><h2>处置后照片</h2><div id="after-photos" class="photos"></div></div>
<p id="rated" hidden>您的评价：<strong id="satisfaction"></strong></p>
<form id="rate-form" hidden novalidate>
<h2>评价处理结果</h2>
<div class="rating">
<label><input type="radio" name="satisfaction" value="SATISFIED"> 满意</label>
<label><input type="radio" name="satisfaction" value="BASICALLY_SATISFIED"> 基本满意</label>
<label><input type="radio" name="satisfaction" value="DISSATISFIED"> 不满意</label>
</div>
<label for="comment">意见（选填）</label>
<textarea id="comment" maxlength="500"></textarea>
<button id="rate-submit" type="submit">提交评价</button>
</form>
<button id="refresh" type="button" class="secondary">刷新</button>
</section>`,
  TRACK_SCRIPT,
);

/** The page a path asks for: `/r/<code>` or `/t/<code>` (one segment of at most 100 characters), else none. */
export function pageFor(path: string): Page | undefined {
  const match = /^\/([rt])\/[^/]{1,100}$/.exec(path);
  if (!match) return undefined;
  return match[1] === 'r' ? REPORT_PAGE : TRACK_PAGE;
}
