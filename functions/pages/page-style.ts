/** The pages' one stylesheet: phone first (360 px wide and up), system fonts (no web font to download), no framework. */
export const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f4f6f8}
header{background:#0b6e4f;color:#fff;padding:12px 16px}
header h1{margin:0;font-size:18px}
main{max-width:640px;margin:0 auto;padding:12px}
section{background:#fff;border-radius:8px;padding:12px 14px;margin:0 0 12px}
h2{font-size:16px;margin:0 0 8px}
label{display:block;margin:10px 0 4px;font-weight:600}
select,textarea,input[type=text],input[type=tel]{width:100%;font:inherit;padding:10px;border:1px solid #c9d1d9;border-radius:6px;background:#fff}
textarea{min-height:110px;resize:vertical}
button{font:inherit;padding:12px 16px;border:0;border-radius:6px;background:#0b6e4f;color:#fff;width:100%;margin-top:12px}
button.secondary{background:#e8eef2;color:#1f2328}
button:disabled{opacity:.6}
.muted{color:#57606a;font-size:14px}
.error{color:#b42318;background:#fdecea;border-radius:6px;padding:8px 10px}
.chips{display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:6px 0 0;list-style:none}
.chips li{background:#e8f3ee;border-radius:12px;padding:2px 10px;font-size:14px}
.photos{display:flex;gap:8px;margin-top:8px}
.photos img{width:30%;max-width:120px;aspect-ratio:1;object-fit:cover;border-radius:6px}
.code{font:600 22px/1.3 ui-monospace,Menlo,Consolas,monospace;letter-spacing:1px;word-break:break-all;background:#f4f6f8;padding:8px;border-radius:6px}
.status{font-size:20px;font-weight:700;color:#0b6e4f}
ol.timeline{list-style:none;padding:0;margin:0}
ol.timeline li{border-left:3px solid #0b6e4f;padding:0 0 12px 12px;margin-left:4px}
ol.timeline time{display:block;color:#57606a;font-size:14px}
.rating{display:flex;gap:8px}
.rating label{flex:1;font-weight:400;border:1px solid #c9d1d9;border-radius:6px;padding:8px;text-align:center;margin:6px 0 0}
[hidden]{display:none!important}
`;
