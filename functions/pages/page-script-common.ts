/**
 * What both pages' scripts share: calls to the public GraphQL API (same origin, answers in
 * Chinese) and a little DOM help. Plain ES5 and fetch, so WeChat's built-in browser and older
 * Android WebViews run it; every text is set with textContent, never parsed as HTML.
 */
export const COMMON_SCRIPT = `
var API = '/public/graphql';
function gql(query, variables) {
  return fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
    body: JSON.stringify({ query: query, variables: variables })
  }).then(function (response) {
    return response.json().catch(function () { throw new Error('服务暂时不可用（' + response.status + '），请稍后再试'); });
  }).then(function (body) {
    if (body.errors && body.errors.length) {
      var error = body.errors[0];
      var field = error.extensions && error.extensions.fields && error.extensions.fields[0];
      throw new Error(field ? field.message : error.message);
    }
    return body.data;
  });
}
function $(id) { return document.getElementById(id); }
function text(id, value) { $(id).textContent = value == null ? '' : String(value); }
function el(tag, value, className) {
  var node = document.createElement(tag);
  if (value != null) node.textContent = String(value);
  if (className) node.className = className;
  return node;
}
function show(id, visible) { $(id).hidden = !visible; }
function fail(error) { text('error', error && error.message ? error.message : String(error)); show('error', true); }
/** A DateTime of the API (district time, e.g. 2026-11-22T10:05:00+08:00) as 2026-11-22 10:05. */
function when(value) { return value ? value.slice(0, 16).replace('T', ' ') : ''; }
/** The last path segment: the service code of /r/<code>, the tracking code of /t/<code>. */
function pathCode() { return decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || ''); }
var STATUS_NAMES = { REPORTED: '已受理', ASSIGNED: '已派遣', IN_PROGRESS: '处置中', TRANSFERRED: '已转交相关部门', RESOLVED: '已处理', CLOSED: '已结案', REJECTED: '不予立案' };
`;
