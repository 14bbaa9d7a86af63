// Photos chosen for a form (input[data-compress]) are made smaller on the phone before they are sent, as the offline
// app does for inspection photos: the longest edge at most 1600 px, JPEG quality 0.8. A file that is not a photo, or a
// photo the browser cannot read, is sent as chosen; the submit button waits while the photos are being compressed.
(() => {
  const MAX_EDGE = 1600;
  const QUALITY = 0.8;

  async function compress(file) {
    if (!file.type.startsWith('image/') || typeof createImageBitmap !== 'function') return file;
    try {
      const bitmap = await createImageBitmap(file);
      const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
      if (!blob || blob.size >= file.size) return file;
      return new File([blob], file.name.replace(/\.[^.]*$/, '') + '.jpg', { type: 'image/jpeg', lastModified: file.lastModified });
    } catch (e) {
      return file;
    }
  }

  document.addEventListener('change', async (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.hasAttribute('data-compress')) return;
    const submit = input.form ? input.form.querySelector('[type=submit]') : null;
    const status = input.getAttribute('aria-describedby') ? document.getElementById(input.getAttribute('aria-describedby')) : null;
    if (submit) submit.disabled = true;
    if (status) status.textContent = '正在压缩照片…';
    try {
      const files = await Promise.all(Array.from(input.files).map(compress));
      const transfer = new DataTransfer();
      files.forEach((f) => transfer.items.add(f));
      input.files = transfer.files;
      if (status) status.textContent = files.length ? '已选择 ' + files.length + ' 张照片（已在手机上压缩）。' : '';
    } catch (e) {
      if (status) status.textContent = '';
    } finally {
      if (submit) submit.disabled = false;
    }
  });
})();
