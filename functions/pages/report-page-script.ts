/**
 * The report page's script (/r/<service code>): shows the station, takes the report, uploads up
 * to 3 photos (requestPhotoUpload's presigned POST, then the file), shares the location only
 * when the resident taps the button (the browser then asks for consent), submits through the
 * public API and shows the receipt. The tracking codes it received are kept in this browser's
 * local storage so "我的反映" can list them; nothing is sent anywhere but this deployment and
 * the photo bucket.
 */
export const REPORT_SCRIPT = `
var serviceCode = pathCode();
var MAX_PHOTOS = 3;
var MAX_PHOTO_BYTES = 10 * 1024 * 1024;
var PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'];
var photos = [];
var location_ = null;

function loadStation() {
  return gql('query Station($code: String!) { stationByServiceCode(code: $code) { name address amenities active } }', { code: serviceCode })
    .then(function (data) {
      var station = data.stationByServiceCode;
      if (!station || !station.active) throw new Error('该服务码对应的站点已停用');
      text('station-name', station.name);
      text('station-address', station.address || '');
      var list = $('station-amenities');
      station.amenities.forEach(function (amenity) { list.appendChild(el('li', amenity)); });
      show('report', true);
    });
}

function choosePhotos(event) {
  var chosen = Array.prototype.slice.call(event.target.files || []);
  event.target.value = '';
  for (var i = 0; i < chosen.length; i += 1) {
    var file = chosen[i];
    if (photos.length >= MAX_PHOTOS) return fail(new Error('最多上传 ' + MAX_PHOTOS + ' 张照片'));
    if (PHOTO_TYPES.indexOf(file.type) < 0) return fail(new Error('照片须为 JPEG、PNG、WebP 或 HEIC 格式'));
    if (file.size > MAX_PHOTO_BYTES) return fail(new Error('每张照片不超过 10 MB'));
    photos.push(file);
  }
  show('error', false);
  var preview = $('photo-preview');
  preview.textContent = '';
  photos.forEach(function (photo) {
    var image = el('img');
    image.alt = '待上传的照片';
    image.src = URL.createObjectURL(photo);
    preview.appendChild(image);
  });
  text('photo-count', photos.length + ' / ' + MAX_PHOTOS);
}

function shareLocation() {
  if (!navigator.geolocation) return fail(new Error('此浏览器无法获取位置，可在描述中写明地点'));
  text('location-state', '正在获取位置…');
  navigator.geolocation.getCurrentPosition(function (position) {
    location_ = { lat: position.coords.latitude, lng: position.coords.longitude, coordinateSystem: 'WGS84' };
    text('location-state', '已添加位置（精度约 ' + Math.round(position.coords.accuracy) + ' 米）');
  }, function () {
    location_ = null;
    text('location-state', '未获取到位置（未授权或信号不好），可在描述中写明地点');
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
}

/** One photo: a presigned POST from the API, then the file with every field it gave, the file last. */
function uploadPhoto(file) {
  return gql('mutation Upload($input: RequestPhotoUploadInput!) { requestPhotoUpload(input: $input) { key url fields { name value } } }',
    { input: { serviceCode: serviceCode, purpose: 'REPORT', contentType: file.type, byteSize: file.size } })
    .then(function (data) {
      var upload = data.requestPhotoUpload;
      var form = new FormData();
      upload.fields.forEach(function (field) { form.append(field.name, field.value); });
      form.append('file', file);
      return fetch(upload.url, { method: 'POST', body: form }).then(function (response) {
        if (!response.ok) throw new Error('照片上传失败（' + response.status + '），请重试');
        return upload.key;
      });
    });
}

function remember(trackingCode) {
  try {
    var codes = JSON.parse(localStorage.getItem('trackingCodes') || '[]');
    codes.unshift(trackingCode);
    localStorage.setItem('trackingCodes', JSON.stringify(codes.slice(0, 20)));
  } catch (ignored) { /* private mode: the receipt on screen is enough */ }
}

function submit(event) {
  event.preventDefault();
  show('error', false);
  var description = $('description').value.trim();
  if (!description) return fail(new Error('请描述问题'));
  var button = $('submit');
  button.disabled = true;
  text('submit', photos.length ? '正在上传照片…' : '正在提交…');
  var uploads = photos.reduce(function (keys, photo) {
    return keys.then(function (done) { return uploadPhoto(photo).then(function (key) { return done.concat([key]); }); });
  }, Promise.resolve([]));
  uploads.then(function (photoKeys) {
    text('submit', '正在提交…');
    var input = { serviceCode: serviceCode, category: $('category').value, description: description };
    if (location_) input.location = location_;
    var contact = $('contact').value.trim();
    if (contact) input.reporterContact = contact;
    if (photoKeys.length) input.photoKeys = photoKeys;
    return gql('mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { trackingCode issue { status dueAt } } }', { input: input });
  }).then(function (data) {
    var receipt = data.reportIssue;
    remember(receipt.trackingCode);
    text('tracking-code', receipt.trackingCode);
    text('due-at', when(receipt.issue.dueAt));
    $('track-link').href = '/t/' + encodeURIComponent(receipt.trackingCode);
    show('report', false);
    show('receipt', true);
    window.scrollTo(0, 0);
  }).catch(function (error) {
    fail(error);
    button.disabled = false;
    text('submit', '提交');
  });
}

$('photos').addEventListener('change', choosePhotos);
$('locate').addEventListener('click', shareLocation);
$('report-form').addEventListener('submit', submit);
loadStation().catch(fail);
`;
