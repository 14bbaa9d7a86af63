// Signature pads (pointer events: finger, stylus or mouse) of the inspection record and the hazard 复查, and the GPS button.
(function () {
  document.querySelectorAll('canvas.signature-pad').forEach(function (canvas) {
    var ctx = canvas.getContext('2d');
    var drawing = false;
    var drawn = false;
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
    canvas.style.touchAction = 'none';
    function point(e) {
      var r = canvas.getBoundingClientRect();
      return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
    }
    canvas.addEventListener('pointerdown', function (e) {
      drawing = true;
      canvas.setPointerCapture && canvas.setPointerCapture(e.pointerId);
      var p = point(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!drawing) return;
      var p = point(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      drawn = true;
    });
    ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (type) {
      canvas.addEventListener(type, function () { drawing = false; });
    });
    var form = canvas.closest('form');
    // one pad per form, or several pads each in its own .signature-field (the 复查 form)
    var box = canvas.closest('.signature-field') || form;
    box.querySelector('.signature-clear').addEventListener('click', function () {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
    });
    form.addEventListener('submit', function () {
      box.querySelector('.signature-data').value = drawn ? canvas.toDataURL('image/png') : '';
    });
  });
  var locate = document.getElementById('locate');
  if (locate && navigator.geolocation) {
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById('latitude').value = pos.coords.latitude.toFixed(6);
        document.getElementById('longitude').value = pos.coords.longitude.toFixed(6);
      });
    });
  }
})();
