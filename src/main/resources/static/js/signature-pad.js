// Signature pads (pointer events: finger, stylus or mouse) of every signing form: the inspection record, the hazard
// order and 复查, 我的签名 and the case records. One pad per form, or several pads each in its own .signature-field;
// the drawn PNG goes into the box's .signature-data on submit. Also the add/remove rows of the case records (问答, 证据清单).
(function () {
  document.querySelectorAll('canvas.signature-pad').forEach(function (canvas) {
    var box = canvas.closest('.signature-field') || canvas.closest('form');
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
    var clear = box.querySelector('.signature-clear');
    clear && clear.addEventListener('click', function () {
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
