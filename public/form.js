// Progressive enhancement for the public form pages (/f/<slug>). Without it the form still works as
// a plain POST. With it: submit without a reload, show errors inline, keep the iframe sized to fit.
(function () {
  "use strict";
  var form = document.querySelector("form[data-customer-register-form]");
  var embedded = window.parent !== window;

  function postHeight() {
    if (!embedded) return;
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: "customer-register:resize", slug: form ? form.getAttribute("data-customer-register-form") : null, height: height }, "*");
  }
  if (embedded) {
    if ("ResizeObserver" in window) new ResizeObserver(postHeight).observe(document.documentElement);
    window.addEventListener("load", postHeight);
    // A parent that started listening late (after hydration) asks for the current height.
    window.addEventListener("message", function (event) {
      if (event.source === window.parent && event.data && event.data.type === "customer-register:measure") postHeight();
    });
    postHeight();
  }
  if (!form || !window.fetch || !window.FormData) return;

  var slug = form.getAttribute("data-customer-register-form");
  var summary = form.querySelector("[data-summary]");
  var button = form.querySelector("button[type=submit]");
  var PERSONAL = ["fullName", "email", "phone", "address", "organization"];

  function payload() {
    var data = new FormData(form);
    var out = {
      fields: {},
      answers: {},
      consents: data.getAll("consents"),
      locale: data.get("locale"),
      idempotencyKey: data.get("idempotencyKey"),
      website: data.get("website") || undefined,
    };
    data.forEach(function (value, name) {
      if (PERSONAL.indexOf(name) >= 0) out.fields[name] = value;
      else if (name.indexOf("answers.") === 0) {
        var key = name.slice(8);
        var control = form.querySelector(`[name="${name}"]`);
        if (control && control.type === "checkbox") (out.answers[key] = out.answers[key] || []).push(value);
        else out.answers[key] = value;
      }
    });
    return out;
  }

  function clearErrors() {
    form.querySelectorAll("[data-error-for]").forEach(function (p) {
      p.hidden = true;
      p.textContent = "";
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid");
    });
    summary.hidden = true;
  }

  function showErrors(message, fields) {
    var first = null;
    Object.keys(fields || {}).forEach(function (name) {
      var p = form.querySelector(`[data-error-for="${name}"]`);
      if (!p) return;
      p.textContent = fields[name];
      p.hidden = false;
      var control = form.querySelector(`[name="${name}"]`);
      var holder = control && (control.type === "radio" || control.type === "checkbox") ? control.closest("fieldset") : control;
      if (holder) holder.setAttribute("aria-invalid", "true");
      if (!first && control) first = control;
    });
    summary.textContent = message;
    summary.hidden = false;
    (first || summary).focus();
    postHeight();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    button.disabled = true;
    var label = button.textContent;
    button.textContent = button.getAttribute("data-sending");
    // The language goes in the address too, so even a refusal before the body is read speaks it.
    fetch(`/api/public/forms/${encodeURIComponent(slug)}/submissions?lang=${encodeURIComponent(new FormData(form).get("locale") || "vi")}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload()),
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { status: response.status, body: body };
        });
      })
      .then(function (result) {
        if (result.status === 201) {
          var done = new URL(form.action, location.href);
          done.searchParams.set("done", "1");
          if (result.body?.confirmationRequired) done.searchParams.set("confirm", "1");
          location.assign(form.getAttribute("data-redirect") || done.toString());
          return;
        }
        var error = result.body?.error ? result.body.error : {};
        showErrors(error.message || "", error.fields);
      })
      .catch(function () {
        // Network trouble: fall back to a plain submission, which keeps what was typed.
        form.submit();
      })
      .then(function () {
        button.disabled = false;
        button.textContent = label;
      });
  });
})();
