/* The browser quiz's only script (ES5, for old Android Chrome and iOS Safari). Without it every
   page still works by plain forms. With it:
   - a chosen option is sent in the background and shown "Đã lưu" only once the server says it
     is committed; meanwhile "Đang lưu…", and when the connection is lost "Mất kết nối" while it
     retries, keeping the choice (the whole choice of the question is sent, so a retry is safe);
   - moving to another page waits until every choice is saved;
   - the time left counts down and the server is asked every few seconds (it keeps the clock
     and submits on time); a waiting page goes on by itself once the proctor lets it in. */
(function () {
  "use strict";
  var body = document.body;
  var screen = body.getAttribute("data-screen");
  var csrf = body.getAttribute("data-csrf");

  function send(method, url, data, done, fail) {
    var x = new XMLHttpRequest();
    x.open(method, url, true);
    x.setRequestHeader("Accept", "application/json");
    if (data !== null) {
      x.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    }
    x.timeout = 8000;
    x.onload = function () {
      var json = null;
      try { json = JSON.parse(x.responseText); } catch (e) { json = null; }
      if (x.status >= 500 || json === null) { fail(); } else { done(x.status, json); }
    };
    x.onerror = fail;
    x.ontimeout = fail;
    x.send(data);
  }

  /* ---- saving answers ---- */
  var form = document.querySelector("form.options");
  var saveNote = document.getElementById("save");
  var pending = null;      /* the choice to send, or null */
  var inFlight = false;
  var delay = 1000;
  var leaveWith = null;    /* a form to submit once everything is saved */

  function note(text, cls) {
    if (saveNote) { saveNote.textContent = text; saveNote.className = "save " + (cls || ""); }
  }
  function buttons() { return form.querySelectorAll("button.opt"); }
  function show(chosen, isPending) {
    var b = buttons();
    for (var i = 0; i < b.length; i++) {
      var on = chosen.indexOf(parseInt(b[i].getAttribute("data-i"), 10)) >= 0;
      b[i].className = "opt" + (on ? " chosen" : "") + (on && isPending ? " pending" : "");
      b[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }
  function current() {
    var out = [], b = buttons();
    for (var i = 0; i < b.length; i++) {
      if (b[i].getAttribute("aria-pressed") === "true") {
        out.push(parseInt(b[i].getAttribute("data-i"), 10));
      }
    }
    return out;
  }
  function flush() {
    if (inFlight || pending === null) { return; }
    var sent = pending;
    pending = null;
    inFlight = true;
    var data = "csrf=" + encodeURIComponent(csrf) + "&position=" +
      encodeURIComponent(form.querySelector("input[name=position]").value) + "&set=1";
    for (var i = 0; i < sent.length; i++) { data += "&chosen=" + sent[i]; }
    note("Đang lưu…", "");
    send("POST", "/answer", data, function (status, json) {
      inFlight = false;
      delay = 1000;
      if (json.reload) { window.location.reload(); return; }
      if (!json.ok) { note(json.error || "Chưa lưu được.", "lost"); return; }
      if (pending === null) {
        show(json.chosen, false);
        note("Đã lưu ✓", "saved");
        var d = document.querySelector(".done");
        if (d) { d.textContent = "Đã trả lời " + json.answered + d.textContent.replace(/^[^/]*/, ""); }
        if (leaveWith) { var f = leaveWith; leaveWith = null; f.submit(); }
      } else {
        flush();
      }
    }, function () {
      inFlight = false;
      if (pending === null) { pending = sent; }
      note("Mất kết nối — đang thử lại… Lựa chọn của bạn vẫn được giữ.", "lost");
      setTimeout(flush, delay);
      delay = Math.min(delay * 2, 5000);
    });
  }
  if (form) {
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    var multiple = form.className.indexOf("multiple") >= 0;
    var b = buttons();
    for (var i = 0; i < b.length; i++) {
      b[i].addEventListener("click", function (ev) {
        ev.preventDefault();
        var n = parseInt(this.getAttribute("data-i"), 10);
        var chosen = current();
        if (multiple) {
          var at = chosen.indexOf(n);
          if (at >= 0) { chosen.splice(at, 1); } else { chosen.push(n); }
        } else {
          chosen = [n];
        }
        show(chosen, true);
        pending = chosen;
        flush();
      });
    }
    var others = document.querySelectorAll(".nav form");
    for (var j = 0; j < others.length; j++) {
      others[j].addEventListener("submit", function (ev) {
        if (pending !== null || inFlight) {
          ev.preventDefault();
          leaveWith = this;
          note("Đang lưu… trang sẽ chuyển khi câu trả lời đã được lưu.", "");
        }
      });
    }
  }

  /* ---- the clock, and the pages that wait ---- */
  var timer = document.getElementById("timer");
  var left = timer ? parseInt(timer.getAttribute("data-left"), 10) : null;
  function showLeft() {
    if (!timer || left === null) { return; }
    var s = Math.max(0, Math.floor(left / 1000));
    timer.textContent = s < 60 ? "Còn " + s + " giây" : "Còn " + Math.ceil(left / 60000) + " phút";
    timer.className = "timer" + (left < 300000 ? " warn" : "");
  }
  if (timer) {
    setInterval(function () {
      left = Math.max(0, left - 1000);
      showLeft();
    }, 1000);
  }
  var watched = { question: 5000, review: 5000, submit_check: 5000, waiting: 3000 };
  if (watched[screen]) {
    setInterval(function () {
      send("GET", "/status", null, function (status, json) {
        if (json.screen && json.screen !== screen && !(screen === "question" && json.screen === "question")) {
          if (pending === null && !inFlight) { window.location.reload(); }
          return;
        }
        if (typeof json.left === "number") { left = json.left; showLeft(); }
        var s = document.getElementById("status");
        if (s) { s.textContent = ""; }
      }, function () {
        var s = document.getElementById("status");
        if (s) { s.textContent = "Mất kết nối với máy chủ — đang thử lại…"; }
      });
    }, watched[screen]);
  }
}());
