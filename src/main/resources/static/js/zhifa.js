// htmx requests carry the CSRF token of the page.
document.body.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// issue 14 (CSP without inline handlers or style attributes): progress widths from data-width-percent,
// and forms that navigate on change (data-navigate-to + the chosen value).
(function () {
  function widths(root) {
    (root || document).querySelectorAll('[data-width-percent]').forEach(function (el) {
      el.style.width = el.getAttribute('data-width-percent') + '%';
    });
  }
  if (window.htmx) { htmx.onLoad(widths); } else { widths(document); }
  document.addEventListener('change', function (event) {
    var form = event.target.closest && event.target.closest('form[data-navigate-to]');
    if (form && event.target.value) {
      location.href = form.getAttribute('data-navigate-to') + encodeURIComponent(event.target.value);
    }
  });
})();

// CSP without inline handlers: a select that submits its form when changed, and a form that asks before it submits.
document.addEventListener('change', function (event) {
  if (event.target.matches && event.target.matches('select[data-submit-on-change]')) {
    event.target.form.submit();
  }
});
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
