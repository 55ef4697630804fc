// The portal's own script: the 长辈模式 control, and keyboard access to scrolling tables.
// Everything it adds is optional: with JavaScript off every page is complete and readable.
(function () {
  var KEY = "ms-elder";

  function setup() {
    var toggle = document.getElementById("ms-elder-toggle");
    if (toggle && !toggle.dataset.ready) {
      toggle.dataset.ready = "1";
      toggle.hidden = false;
      var update = function () {
        var on = document.documentElement.classList.contains("ms-elder");
        toggle.setAttribute("aria-pressed", on ? "true" : "false");
      };
      toggle.addEventListener("click", function () {
        var on = document.documentElement.classList.toggle("ms-elder");
        try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private browsing: not remembered */ }
        update();
      });
      update();
    }
    // Wide tables scroll sideways on phones: let keyboard users reach and scroll them.
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (!wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "表格，可左右滚动");
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
