// A wide table scrolls in its own box on a narrow screen; a keyboard reaches that box only when
// it can take the focus (WCAG 2.1.1). Only boxes that really scroll get a tab stop.
(function () {
  function focusable() {
    document.querySelectorAll("main table, main .breed").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 &&
        getComputedStyle(box).overflowX !== "visible";
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.dataset.scrolt = "1";
      } else if (!scrolls && box.dataset.scrolt) {
        box.removeAttribute("tabindex");
        delete box.dataset.scrolt;
      }
    });
  }
  focusable();
  window.addEventListener("resize", focusable);
})();
