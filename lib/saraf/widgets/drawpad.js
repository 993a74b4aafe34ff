// Papan gambar (pelajaran 15): kanvas anywidget yang dipakai oleh saraf/widgets/drawpad.py.
//
// Tanpa pustaka dari internet dan tanpa langkah build: berkas ini dikirim apa adanya ke
// peramban. Setiap kali goresan selesai (tombol tetikus dilepas), kanvas dikirim ke Python
// sebagai PNG (data URL) di atribut `image_data`; tombol "Hapus" mengosongkannya.

function render({ model, el }) {
  const size = model.get("size");
  const root = document.createElement("div");
  root.className = "saraf-drawpad";
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.className = "saraf-drawpad-canvas";
  canvas.setAttribute("aria-label", "papan gambar");
  const button = document.createElement("button");
  button.className = "saraf-drawpad-clear jupyter-button";
  button.textContent = "Hapus";
  button.title = "Kosongkan papan gambar";
  root.append(canvas, button);
  el.append(root);

  const ctx = canvas.getContext("2d");
  let lastSent = model.get("image_data");

  function clearCanvas() {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, size, size);
  }
  function showImage(url) {
    clearCanvas();
    if (!url) return;
    const img = new Image();
    img.onload = () => {  // gambar dimuat tak serempak: mungkin papan sudah dihapus
      if (model.get("image_data") === url) ctx.drawImage(img, 0, 0, size, size);
    };
    img.src = url;
  }
  function send() {
    lastSent = canvas.toDataURL("image/png");
    model.set("image_data", lastSent);
    model.save_changes();
  }
  showImage(lastSent);

  let drawing = false;
  let last = null;
  function position(event) {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * size / box.width,
            (event.clientY - box.top) * size / box.height];
  }
  function segment(from, to) {
    ctx.strokeStyle = "#000000";
    ctx.lineWidth = model.get("stroke_width");
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0], to[1]);
    ctx.stroke();
  }
  function onDown(event) {
    if (event.button !== undefined && event.button !== 0) return;
    event.preventDefault();
    drawing = true;
    try { canvas.setPointerCapture(event.pointerId); } catch (e) { /* tidak didukung */ }
    last = position(event);
    segment(last, last);
  }
  function onMove(event) {
    if (!drawing) return;
    event.preventDefault();
    const point = position(event);
    segment(last, point);
    last = point;
  }
  function onUp(event) {
    if (!drawing) return;
    drawing = false;
    send();
  }
  function onClear() {
    clearCanvas();
    lastSent = "";
    model.set("image_data", "");
    model.save_changes();
  }
  function onChange() {
    const url = model.get("image_data");
    if (url !== lastSent) {  // diubah dari Python atau dari tampilan lain
      lastSent = url;
      showImage(url);
    }
  }
  function onMessage(message) {
    if (message && message.type === "clear") {
      lastSent = "";
      clearCanvas();
    }
  }
  canvas.addEventListener("pointerdown", onDown);
  canvas.addEventListener("pointermove", onMove);
  canvas.addEventListener("pointerup", onUp);
  canvas.addEventListener("pointercancel", onUp);
  canvas.addEventListener("lostpointercapture", onUp);
  button.addEventListener("click", onClear);
  model.on("change:image_data", onChange);
  model.on("msg:custom", onMessage);
  return () => {
    model.off("change:image_data", onChange);
    model.off("msg:custom", onMessage);
  };
}
export default { render };
