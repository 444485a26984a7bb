/**
 * The status page's script (/t/<tracking code>): the report's status, station, due time and
 * public timeline (trackIssue), the officer's after-photos, and the rating form once it is resolved (rateIssue).
 */
export const TRACK_SCRIPT = `
var trackingCode = pathCode();
var TRACKED = 'id status category categoryName description dueAt resolvedAt satisfaction canRate afterPhotoUrls '
  + 'station { name address } timeline { id at status summary publicNote }';
var SATISFACTION_NAMES = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' };

function render(tracked) {
  text('code', trackingCode);
  text('status', STATUS_NAMES[tracked.status] || tracked.status);
  text('category', tracked.categoryName);
  text('description', tracked.description);
  text('station', tracked.station ? tracked.station.name + (tracked.station.address ? '（' + tracked.station.address + '）' : '') : '');
  text('due-at', when(tracked.dueAt));
  var timeline = $('timeline');
  timeline.textContent = '';
  tracked.timeline.forEach(function (step) {
    var item = el('li');
    item.appendChild(el('time', when(step.at)));
    item.appendChild(el('strong', step.summary));
    if (step.publicNote) item.appendChild(el('div', step.publicNote, 'muted'));
    timeline.appendChild(item);
  });
  var after = $('after-photos');
  after.textContent = '';
  tracked.afterPhotoUrls.forEach(function (url) {
    var image = el('img');
    image.alt = '处置后照片';
    image.src = url;
    after.appendChild(image);
  });
  show('after', tracked.afterPhotoUrls.length > 0);
  show('rate-form', tracked.canRate);
  show('rated', !!tracked.satisfaction);
  text('satisfaction', SATISFACTION_NAMES[tracked.satisfaction] || '');
  show('tracked', true);
}

function load() {
  show('error', false);
  return gql('query Track($code: String!) { trackIssue(trackingCode: $code) { ' + TRACKED + ' } }', { code: trackingCode })
    .then(function (data) { render(data.trackIssue); })
    .catch(fail);
}

function rate(event) {
  event.preventDefault();
  var chosen = document.querySelector('input[name=satisfaction]:checked');
  if (!chosen) return fail(new Error('请选择满意度'));
  var comment = $('comment').value.trim();
  $('rate-submit').disabled = true;
  gql('mutation Rate($code: String!, $satisfaction: Satisfaction!, $comment: String) { rateIssue(trackingCode: $code, satisfaction: $satisfaction, comment: $comment) { ' + TRACKED + ' } }',
    { code: trackingCode, satisfaction: chosen.value, comment: comment || null })
    .then(function (data) { render(data.rateIssue); })
    .catch(fail)
    .then(function () { $('rate-submit').disabled = false; });
}

$('refresh').addEventListener('click', load);
$('rate-form').addEventListener('submit', rate);
load();
`;
