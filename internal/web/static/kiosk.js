// Badge kiosk: prints the badge shown, returns to the code form for the
// next visitor, and reads a confirmation QR with the camera.
(function () {
  'use strict';
  const root = document.getElementById('kiosk');
  if (!root) return;
  const home = root.dataset.home;
  if (root.dataset.print === 'true') {
    const print = () => { window.print(); document.body.dataset.printed = String(Number(document.body.dataset.printed || 0) + 1); };
    document.getElementById('kiosk-print').addEventListener('click', print);
    const img = document.getElementById('badge-qr');
    if (img.complete) setTimeout(print, 300); else img.addEventListener('load', () => setTimeout(print, 300));
    // The badge stays on screen for a minute at most: the next visitor
    // must not see it.
    setTimeout(() => { location.replace(home); }, 60000);
    return;
  }
  const input = document.getElementById('kiosk-code');
  const form = document.getElementById('kiosk-form');
  const video = document.getElementById('kiosk-video');
  document.getElementById('kiosk-camera').addEventListener('click', async () => {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    if (!window.jsQR) {
      await new Promise((ok, fail) => { const s = document.createElement('script'); s.src = '/static/scanner/jsQR.js'; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
    }
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' } });
    video.srcObject = stream; video.hidden = false; await video.play();
    const canvas = document.createElement('canvas');
    const g = canvas.getContext('2d', { willReadFrequently: true });
    const tick = () => {
      if (video.videoWidth) {
        canvas.width = video.videoWidth; canvas.height = video.videoHeight;
        g.drawImage(video, 0, 0);
        const code = window.jsQR(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
        if (code && code.data) {
          stream.getTracks().forEach((t) => t.stop());
          input.value = code.data;
          form.submit();
          return;
        }
      }
      requestAnimationFrame(tick);
    };
    tick();
  });
  // An idle kiosk clears what was typed.
  let idle;
  input.addEventListener('input', () => { clearTimeout(idle); idle = setTimeout(() => { input.value = ''; }, 60000); });
})();
