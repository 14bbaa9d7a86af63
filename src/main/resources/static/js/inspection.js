// The inspection record page: every part saves itself as it is filled in (htmx, see record.html), so nothing
// typed is lost by a photo upload, a signature or a reload. This script adds the GPS button, keeps count of saves
// still on their way, lets 提交 wait for them, warns before leaving while one is pending, and says so where the
// officer is working when a save did not reach the server. The signature pads are driven by signature-pad.js.
(function () {
  var locate = document.getElementById('locate');
  if (locate && navigator.geolocation) {
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var latitude = document.getElementById('latitude');
        document.getElementById('longitude').value = pos.coords.longitude.toFixed(6);
        latitude.value = pos.coords.latitude.toFixed(6);
        latitude.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
  }

  // the on-site person's name, typed under 基本情况, is the name the representative signs with
  var onSite = document.getElementById('representativeName');
  var signer = document.getElementById('representative-name');
  if (onSite && signer) {
    var followed = signer.value === '' || signer.value === onSite.value;
    onSite.addEventListener('input', function () { if (followed) signer.value = onSite.value; });
    signer.addEventListener('input', function () { followed = signer.value === ''; });
  }

  var pending = 0;
  var waiting = [];
  function settled() {
    if (pending > 0) return;
    var run = waiting;
    waiting = [];
    run.forEach(function (callback) { callback(); });
  }
  document.body.addEventListener('htmx:beforeRequest', function () { pending++; });
  document.body.addEventListener('htmx:afterRequest', function (e) {
    pending = Math.max(0, pending - 1);
    if (!e.detail.successful) {
      var target = e.detail.target;
      if (target) {
        target.innerHTML = '<span class="small text-danger save-refused">未能保存（网络或服务器问题），请稍后再改动一次或按“全部保存”。</span>';
      }
    } else if (e.detail.elt && e.detail.elt.id === 'photo-form'
        && !e.detail.xhr.responseText.includes('save-refused')) {
      e.detail.elt.reset();
    }
    setTimeout(settled, 0);
  });

  // 提交 (a whole-page post) waits until the saves under way have arrived; a field still being typed in is
  // saved first by taking the focus away from it.
  var submit = document.getElementById('submit-form');
  if (submit) {
    submit.addEventListener('submit', function (e) {
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      if (pending === 0) return;
      e.preventDefault();
      var button = document.getElementById('submit-record');
      if (button) button.disabled = true;
      waiting.push(function () { submit.submit(); });
    });
  }

  window.addEventListener('beforeunload', function (e) {
    if (pending > 0) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
})();
