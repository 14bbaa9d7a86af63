// Signature pads of the case records (one or several per form, each in its own .signature-field; pointer events:
// finger, stylus or mouse), and add/remove rows (问答, 证据清单). Kept apart from inspection.js.
(function () {
  document.querySelectorAll('.signature-field').forEach(function (box) {
    var canvas = box.querySelector('canvas.signature-pad');
    var data = box.querySelector('.signature-data');
    var ctx = canvas.getContext('2d');
    var drawing = false;
    var drawn = false;
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
    canvas.style.touchAction = 'none';
    if (data.value) { // a refused form shown again keeps what was drawn
      var img = new Image();
      img.onload = function () { ctx.drawImage(img, 0, 0); drawn = true; };
      img.src = data.value;
    }
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
    box.querySelector('.signature-clear').addEventListener('click', function () {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
      data.value = '';
    });
    canvas.closest('form').addEventListener('submit', function () {
      data.value = drawn ? canvas.toDataURL('image/png') : '';
    });
  });
  document.querySelectorAll('[data-add-row]').forEach(function (button) {
    button.addEventListener('click', function () {
      var template = document.getElementById(button.getAttribute('data-add-row'));
      var into = document.getElementById(button.getAttribute('data-into'));
      into.appendChild(template.content.cloneNode(true));
    });
  });
  document.addEventListener('click', function (e) {
    if (e.target.classList.contains('remove-row')) {
      e.target.closest('.row-item').remove();
    }
  });
})();
