// Progressive enhancement only: every page works without this file.
// Confirm destructive actions that carry data-confirm.
document.addEventListener("submit", function (e) {
  var msg = e.target.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) { e.preventDefault(); }
});
