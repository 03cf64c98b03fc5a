// 信访登记: conveniences for keyboard-only entry at the reception window. Every check here is a courtesy that the
// server repeats (Xinfang.Domain.Matters.Registration); the server decides.
(function () {
    "use strict";
    var form = document.querySelector("[data-register]");
    if (!form) { return; }

    // The limits come from the server (Xinfang.Domain.Matters.Limits, 《信访工作条例》第二十条), never copied here.
    var MAX_REPRESENTATIVES = +form.getAttribute("data-max-representatives");
    var COLLECTIVE_HEADCOUNT = +form.getAttribute("data-collective-headcount");
    var received = form.querySelector("#received-on");
    var today = received ? received.getAttribute("data-max") : null;

    // ---- Field messages -------------------------------------------------------------------------------------------
    function feedbackOf(input) {
        var box = input.closest("[class*='col']") || input.parentElement;
        return box.querySelector(".invalid-feedback");
    }

    function setError(input, message) {
        var feedback = feedbackOf(input);
        if (message) {
            input.classList.add("is-invalid");
            if (feedback) { feedback.textContent = message; }
        } else {
            input.classList.remove("is-invalid");
            if (feedback) { feedback.textContent = ""; }
        }
    }

    // ---- GB 11643-1999 identity numbers (mirrors Xinfang.Domain.Intake.IdNumber) -------------------------------------
    var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var CHECKS = "10X98765432";

    // Full-width digits and "Ｘ" typed with a Chinese input method count as ASCII, as NFKC folds them on the server.
    function halfWidth(text) {
        return text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); });
    }

    function checkCharacter(first17) {
        var sum = 0;
        for (var i = 0; i < 17; i++) { sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]; }
        return CHECKS.charAt(sum % 11);
    }

    function isRegion(code, legacy) {
        var province = parseInt(code.substring(0, 2), 10);
        var prefecture = code.substring(2, 4);
        var county = code.substring(4, 6);
        if (province === 81 || province === 82 || province === 83) {
            return !legacy && prefecture === "00" && county === "00";
        }
        var known = (province >= 11 && province <= 15) || (province >= 21 && province <= 23) || (province >= 31 && province <= 37)
            || (province >= 41 && province <= 46) || (province >= 50 && province <= 54) || (province >= 61 && province <= 65);
        return known && !(prefecture === "00" && county !== "00");
    }

    function pad(n) { return (n < 10 ? "0" : "") + n; }

    // Returns { error } or { birth: "yyyy-mm-dd", sex: "男" | "女" }.
    function parseId(raw) {
        var n = halfWidth(raw).trim().toUpperCase();
        if (!/^\d+X?$/.test(n)) { return { error: "身份证号码只能由数字组成，18位号码的最后一位可以是X。" }; }
        if (n.length !== 18 && n.length !== 15) { return { error: "身份证号码应为18位（第一代身份证为15位），现为" + n.length + "位。" }; }
        var legacy = n.length === 15;
        if (legacy && n.charAt(14) === "X") { return { error: "15位的第一代身份证号码只能由数字组成。" }; }
        if (!isRegion(n.substring(0, 6), legacy)) { return { error: "身份证号码前6位不是有效的行政区划代码，请核对号码。" }; }
        var birth = legacy ? "19" + n.substring(6, 12) : n.substring(6, 14);
        var y = +birth.substring(0, 4), m = +birth.substring(4, 6), d = +birth.substring(6, 8);
        var date = new Date(Date.UTC(y, m - 1, d));
        var iso = y + "-" + pad(m) + "-" + pad(d);
        if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || (today && iso > today)) {
            return { error: "身份证号码中的出生日期无效，请核对号码。" };
        }
        var full = legacy ? n.substring(0, 6) + "19" + n.substring(6) : n;
        if (!legacy && checkCharacter(full) !== n.charAt(17)) { return { error: "身份证号码校验位不正确，请核对号码。" }; }
        if (legacy) { full = full + checkCharacter(full); }
        return { birth: iso, sex: (full.charCodeAt(16) - 48) % 2 === 1 ? "男" : "女", upgraded: legacy };
    }

    function age(birth) {
        if (!today) { return ""; }
        var years = +today.substring(0, 4) - +birth.substring(0, 4);
        if (today.substring(5) < birth.substring(5)) { years--; }
        return years + "岁";
    }

    // Complete numbers are checked as they are typed; a short one only when the clerk leaves the field.
    function checkId(input, leaving) {
        var info = input.parentElement.querySelector("[data-id-info]");
        var value = input.value.trim();
        if (info) { info.textContent = ""; }
        if (!value) { setError(input, null); return; }
        if (!leaving && halfWidth(value).length < 18) { setError(input, null); return; }
        var parsed = parseId(value);
        if (parsed.error) { setError(input, parsed.error); return; }
        setError(input, null);
        if (info) {
            info.textContent = parsed.birth + " 出生 · " + parsed.sex + " · " + age(parsed.birth) + (parsed.upgraded ? " · 将升位为18位" : "");
        }
    }

    // ---- Dates: 20261127, 2026/11/27, 2026.11.27 or 11-27 become 2026-11-27 ------------------------------------------
    function normalizeDate(input) {
        var v = halfWidth(input.value).trim().replace(/[年月.\/]/g, "-").replace(/日$/, "");
        var m;
        if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(v))) { v = m[1] + "-" + m[2] + "-" + m[3]; }
        else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v))) { v = m[1] + "-" + pad(+m[2]) + "-" + pad(+m[3]); }
        else if (today && (m = /^(\d{1,2})-(\d{1,2})$/.exec(v))) { v = today.substring(0, 4) + "-" + pad(+m[1]) + "-" + pad(+m[2]); }
        else if (today && (m = /^(\d{2})(\d{2})$/.exec(v))) { v = today.substring(0, 4) + "-" + m[1] + "-" + m[2]; }
        if (!v) { return; }
        input.value = v;
        var max = input.getAttribute("data-max");
        var valid = /^\d{4}-\d{2}-\d{2}$/.test(v) && !isNaN(Date.parse(v + "T00:00:00Z"));
        if (!valid) { setError(input, "日期请按“年-月-日”填写，如 " + (today || "2026-03-02") + "。"); }
        else if (max && v > max) { setError(input, "收到日期不能晚于今天（" + max + "）。"); }
        else { setError(input, null); }
    }

    // ---- Petitioners: add, remove, renumber -------------------------------------------------------------------------
    var list = form.querySelector("[data-petitioners]");
    var template = document.getElementById("petitioner-template");
    var headcount = form.querySelector("[data-headcount]");

    function rows() { return list.querySelectorAll("[data-petitioner]"); }

    function renumber() {
        rows().forEach(function (row, k) {
            row.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach(function (el) {
                ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
                    var value = el.getAttribute(attr);
                    if (value) { el.setAttribute(attr, value.replace(/Petitioners\[\d+\]/, "Petitioners[" + k + "]").replace(/^p-\d+-/, "p-" + k + "-")); }
                });
            });
            var number = row.querySelector("[data-petitioner-number]");
            if (number) { number.textContent = k + 1; }
        });
        people();
    }

    function addPetitioner() {
        var index = rows().length;
        var html = template.innerHTML.replace(/__i__/g, index).replace(/__n__/g, index + 1);
        list.insertAdjacentHTML("beforeend", html);
        var added = rows()[index];
        if (headcount && (+headcount.value || 0) < rows().length) { headcount.value = rows().length; collective(); }
        people();
        added.querySelector("[data-petitioner-name]").focus();
    }

    function removePetitioner(row) {
        var all = Array.prototype.slice.call(rows());
        var at = all.indexOf(row);
        row.remove();
        renumber();
        var next = rows()[Math.max(0, at - 1)];
        (next ? next.querySelector("[data-petitioner-name]") : form.querySelector("[data-add-petitioner]")).focus();
        personChanged();
    }

    // ---- Representatives and collective visits ----------------------------------------------------------------------
    var warning = form.querySelector("[data-representatives-warning]");
    var counter = form.querySelector("[data-people-count]");

    function people() {
        var total = rows().length;
        var representatives = form.querySelectorAll("[data-representative]:checked").length;
        if (counter) { counter.textContent = total > 1 || representatives > 0 ? "已登记 " + total + " 人，其中代表 " + representatives + " 人" : ""; }
        if (warning) {
            warning.hidden = representatives <= MAX_REPRESENTATIVES;
            warning.textContent = "已勾选 " + representatives + " 名代表：集体访推选的代表不得超过 " + MAX_REPRESENTATIVES
                + " 人（《信访工作条例》第二十条），请只勾选其中 " + MAX_REPRESENTATIVES + " 人。";
        }
    }

    var hint = form.querySelector("[data-collective-hint]");
    var collectiveFlag = form.querySelector("[data-flag='Collective']");
    var autoChecked = false;

    function collective() {
        var n = parseInt(halfWidth(headcount ? headcount.value : ""), 10) || 0;
        var isCollective = n >= COLLECTIVE_HEADCOUNT;
        if (hint) { hint.classList.toggle("d-none", !isCollective); }
        if (collectiveFlag) {
            if (isCollective && !collectiveFlag.checked) { collectiveFlag.checked = true; autoChecked = true; }
            else if (!isCollective && autoChecked) { collectiveFlag.checked = false; autoChecked = false; }
        }
    }

    // ---- Fields that depend on the channel and the purpose ----------------------------------------------------------
    function dependents() {
        var channel = form.querySelector("[data-channel]:checked");
        var purpose = form.querySelector("[data-purpose]:checked");
        form.querySelectorAll("[data-when-channel]").forEach(function (el) {
            el.hidden = !channel || channel.value !== el.getAttribute("data-when-channel");
        });
        form.querySelectorAll("[data-when-purpose]").forEach(function (el) {
            el.hidden = !purpose || purpose.value !== el.getAttribute("data-when-purpose");
        });
    }

    // ---- "Same person before?": htmx refreshes the panel, debounced by its hx-trigger delay ----------------------------
    var panel = document.getElementById("same-person");
    function personChanged() {
        if (panel && window.htmx) { window.htmx.trigger(panel, "xf-person-changed"); }
    }

    // A link the registrar chose must survive the panel's refreshes: an answer to a request sent before the choice
    // would otherwise redraw the radios unticked, and the matter would be registered without its repeat link.
    var chosenRepeat = null;
    if (panel) {
        panel.addEventListener("change", function (e) {
            if (e.target.name === "Form.RepeatOf") { chosenRepeat = e.target.value; }
        });
        // 排除: the candidate goes, and is recorded as dismissed when the matter is registered (outside the panel, so
        // that its refreshes keep it).
        panel.addEventListener("click", function (e) {
            var button = e.target.closest("[data-dismiss-repeat]");
            if (!button) { return; }
            var id = button.getAttribute("data-dismiss-repeat");
            var input = document.createElement("input");
            input.type = "hidden";
            input.name = "Form.DismissedRepeats";
            input.value = id;
            form.querySelector("[data-dismissed-repeats]").appendChild(input);
            if (chosenRepeat === id) { chosenRepeat = null; }
            var item = button.closest("[data-repeat-candidate]");
            if (item) { item.remove(); }
            personChanged();
        });
        panel.addEventListener("htmx:afterSwap", function () {
            if (chosenRepeat === null) { return; }
            var radio = panel.querySelector("input[name='Form.RepeatOf'][value='" + chosenRepeat + "']");
            if (radio) { radio.checked = true; }
        });
    }

    // ---- Category search as you type --------------------------------------------------------------------------------
    function combobox(root) {
        var search = root.querySelector("[data-category-search]");
        var code = root.querySelector("[data-category-code]");
        var listbox = root.querySelector("[role=listbox]");
        var items = null, shown = [], active = -1;

        function load() {
            if (items) { return Promise.resolve(items); }
            return fetch(root.getAttribute("data-source"), { credentials: "same-origin", headers: { Accept: "application/json" } })
                .then(function (r) { return r.json(); })
                .then(function (data) { items = data; return items; });
        }

        function close() {
            listbox.hidden = true;
            search.setAttribute("aria-expanded", "false");
            search.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            active = index;
            listbox.querySelectorAll("[role=option]").forEach(function (li, i) {
                li.setAttribute("aria-selected", i === index ? "true" : "false");
                if (i === index) { search.setAttribute("aria-activedescendant", li.id); li.scrollIntoView({ block: "nearest" }); }
            });
        }

        function render(query) {
            var q = query.trim().toLowerCase();
            shown = items.filter(function (c) {
                return !q || c.label.toLowerCase().indexOf(q) >= 0 || c.code.toLowerCase().indexOf(q) >= 0;
            }).slice(0, 60);
            listbox.innerHTML = "";
            shown.forEach(function (c, i) {
                var li = document.createElement("li");
                li.id = "category-option-" + i;
                li.setAttribute("role", "option");
                li.className = c.parent ? "xf-combo-child" : "xf-combo-top";
                var name = document.createElement("span");
                name.textContent = c.name;
                li.appendChild(name);
                if (c.parent) {
                    var parent = document.createElement("span");
                    parent.className = "xf-combo-parent";
                    parent.textContent = c.parent;
                    li.appendChild(parent);
                }
                li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
                listbox.appendChild(li);
            });
            if (shown.length === 0) {
                var none = document.createElement("li");
                none.className = "xf-combo-empty";
                none.textContent = "没有匹配的分类";
                listbox.appendChild(none);
            }
            listbox.hidden = false;
            search.setAttribute("aria-expanded", "true");
            highlight(q && shown.length ? 0 : -1);
        }

        function choose(index) {
            var c = shown[index];
            if (!c) { return; }
            search.value = c.label;
            code.value = c.code;
            setError(search, null);
            close();
        }

        search.addEventListener("input", function () {
            code.value = "";
            load().then(function () { render(search.value); });
        });
        search.addEventListener("keydown", function (e) {
            var open = !listbox.hidden;
            if (e.key === "ArrowDown") {
                e.preventDefault();
                if (!open) { load().then(function () { render(search.value); highlight(0); }); }
                else { highlight(Math.min(active + 1, shown.length - 1)); }
            } else if (e.key === "ArrowUp" && open) {
                e.preventDefault();
                highlight(Math.max(active - 1, 0));
            } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                if (open && active >= 0) { choose(active); }
            } else if (e.key === "Escape" && open) {
                e.preventDefault();
                close();
            } else if (e.key === "Tab" && open && active >= 0) {
                choose(active); // and let the focus move on
            }
        });
        search.addEventListener("blur", function () {
            close();
            if (search.value.trim() && !code.value) { setError(search, "请从列表中选择内容分类（输入关键字后用 ↑↓ 选择，回车或 Tab 确认）。"); }
            if (!search.value.trim()) { code.value = ""; setError(search, null); }
        });
        search.addEventListener("focus", function () { load(); });
        // Ctrl+Enter from the search box: take the highlighted category rather than drop what was typed.
        form.addEventListener("submit", function (e) {
            if (!search.value.trim() || code.value) { return; }
            if (!listbox.hidden && active >= 0) { choose(active); return; }
            e.preventDefault();
            setError(search, "请从列表中选择内容分类（输入关键字后用 ↑↓ 选择，回车或 Tab 确认），或清空此项。");
            search.focus();
        }, true);
    }

    // ---- Wiring ------------------------------------------------------------------------------------------------------
    form.addEventListener("input", function (e) {
        var t = e.target;
        if (t.hasAttribute("data-id-number")) { checkId(t, false); }
        if (t.hasAttribute("data-person-key") || t.hasAttribute("data-repeat-key")) { personChanged(); }
        if (t === headcount) { collective(); }
        if (t.id === "content") { count(); }
        if (t.classList.contains("is-invalid") && !t.hasAttribute("data-id-number") && !t.hasAttribute("data-category-search")) {
            t.classList.remove("is-invalid"); // the clerk is correcting it
        }
    });
    form.addEventListener("change", function (e) {
        var t = e.target;
        if (t.name === "Form.LocationUnitId" || t.name === "Form.Purpose") { personChanged(); }
        if (t.hasAttribute("data-id-number")) { checkId(t, true); }
        if (t.hasAttribute("data-date")) { normalizeDate(t); }
        if (t.hasAttribute("data-representative")) { people(); }
        if (t.hasAttribute("data-channel") || t.hasAttribute("data-purpose")) { dependents(); }
        if (t === collectiveFlag) { autoChecked = false; }
    });
    form.addEventListener("click", function (e) {
        var add = e.target.closest("[data-add-petitioner]");
        if (add) { addPetitioner(); return; }
        var remove = e.target.closest("[data-remove-petitioner]");
        if (remove) { removePetitioner(remove.closest("[data-petitioner]")); }
    });

    var submitting = false;
    var button = form.querySelector("[type=submit]");
    form.addEventListener("keydown", function (e) {
        if (e.key !== "Enter" || e.isComposing) { return; }
        if (e.ctrlKey || e.metaKey) {
            e.preventDefault();
            form.requestSubmit(button);
            return;
        }
        // No accidental submission by Enter in a half-filled form: only the button (or Ctrl+Enter) submits.
        var t = e.target;
        if (t.tagName === "INPUT" && t.type !== "submit" && t.type !== "button") { e.preventDefault(); }
    });
    form.addEventListener("submit", function (e) {
        if (e.defaultPrevented) { return; }
        if (submitting) { e.preventDefault(); return; }
        submitting = true;
        window.setTimeout(function () { button.disabled = true; button.classList.add("xf-busy"); }, 0);
    });
    // Coming back with the browser's Back button must not leave the form locked.
    window.addEventListener("pageshow", function () { submitting = false; if (button) { button.disabled = false; button.classList.remove("xf-busy"); } });

    var content = form.querySelector("#content");
    var contentCount = form.querySelector("[data-counter-for='content']");
    function count() {
        if (content && contentCount) {
            contentCount.textContent = content.value.length + " / " + contentCount.getAttribute("data-limit") + " 字";
        }
    }

    form.querySelectorAll("[data-category-combo]").forEach(combobox);
    form.querySelectorAll("[data-id-number]").forEach(function (input) {
        if (input.value && !input.classList.contains("is-invalid")) { checkId(input, true); } // keeps the server's message
    });
    dependents();
    people();
    collective();
    count();

    // After a refused submission, start where the first problem is.
    var firstInvalid = form.querySelector(".is-invalid:not([type=hidden])");
    if (firstInvalid && firstInvalid.offsetParent !== null) { firstInvalid.focus(); }
})();
