// meeting_plan.js: on a screen too narrow for the whole day, the running
// table plan opens at the slot chosen (by default the one under way), not
// at the day's first hours; its first column, the tables, stays in view.
(function () {
  "use strict";
  var wrap = document.querySelector(".plan-wrap");
  var now = wrap && wrap.querySelector("thead th.now");
  if (!now) return;
  var first = wrap.querySelector("thead th");
  var edge = first ? first.getBoundingClientRect().right : wrap.getBoundingClientRect().left;
  wrap.scrollLeft += now.getBoundingClientRect().left - edge;
})();
