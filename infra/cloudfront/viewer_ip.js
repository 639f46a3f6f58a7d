// CloudFront Function (cloudfront-js-2.0), viewer request of the API's behaviour: the viewer's
// IP, as CloudFront saw the connection, in a header of ours that replaces whatever the viewer
// sent in it. The API's WAF counts its rate limit on this header (infra/waf.tf): the source IP it
// sees is CloudFront's, and the first address of X-Forwarded-For is the viewer's to choose.
function handler(event) {
  var request = event.request;
  request.headers["${header}"] = { value: event.viewer.ip };
  return request;
}
