// A form with data-busy says, once sent, that the work is under way: its
// button is disabled (no second run by a double click) and shows the text
// of data-busy until the answer replaces the page.
//
// A form with data-confirm first asks its question (work that mails
// many people, for instance) and is not sent unless the answer is yes.
document.addEventListener("submit", function (e) {
  var form = e.target;
  var ask = form.getAttribute("data-confirm");
  if (ask && !e.defaultPrevented && !window.confirm(ask)) {
    e.preventDefault();
    return;
  }
  var text = form.getAttribute("data-busy");
  if (!text || e.defaultPrevented) return;
  var button = form.querySelector("button:not([type=button])");
  form.setAttribute("aria-busy", "true");
  if (button) {
    // Disabled after the submission has taken the form's values.
    setTimeout(function () {
      button.disabled = true;
      button.textContent = text;
    }, 0);
  }
});
