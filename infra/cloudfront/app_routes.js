// CloudFront Function (cloudfront-js-2.0), viewer request of the web app's default behaviour: a
// path whose last segment has no dot is one of the app's own routes (/, /interviews/<id>, the
// sign-in callback), answered with index.html; files (/assets/x.js, /config.json) pass as asked.
function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf("/") + 1);
  if (last.indexOf(".") === -1) {
    request.uri = "/index.html";
  }
  return request;
}
