// Embeds a Customer Register form on any allowed site:
//   <script src="https://APP/embed.js" data-form="<slug>" async></script>
// Optional: data-lang="en", data-title="Contact form". The iframe resizes itself to its content.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script?.getAttribute("data-form")) return;
  var origin = new URL(script.src).origin;
  var slug = script.getAttribute("data-form");
  var lang = script.getAttribute("data-lang");
  var iframe = document.createElement("iframe");
  iframe.src = `${origin}/f/${encodeURIComponent(slug)}?embed=1${lang === "en" ? "&lang=en" : ""}`;
  iframe.title = script.getAttribute("data-title") || (lang === "en" ? "Form" : "Biểu mẫu");
  iframe.setAttribute("data-customer-register", slug);
  iframe.style.cssText = "display:block;width:100%;max-width:640px;min-height:420px;border:0;background:transparent;";
  script.parentNode.insertBefore(iframe, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== iframe.contentWindow) return;
    var data = event.data;
    if (data && data.type === "customer-register:resize" && typeof data.height === "number") {
      iframe.style.height = `${Math.max(200, Math.min(data.height + 2, 10000))}px`;
    }
  });
})();
