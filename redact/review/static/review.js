// scr-redact review app: sign-in, change details, decisions, keyboard navigation. No libraries.
"use strict";

const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
    body: JSON.stringify(body || {}),
  });
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: await response.text() }; }
  if (!response.ok || data.ok === false) throw new Error(data.error || data.message || response.statusText);
  return data;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "onclick") node.addEventListener("click", v); else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function setupLogin() {
  const form = document.getElementById("login-form");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await post("/session", { name: document.getElementById("reviewer-name").value });
      const next = document.getElementById("next-url").value;
      window.location.assign(next.startsWith("/") && !next.startsWith("//") ? next : "/");
    } catch (err) {
      document.getElementById("login-error").textContent = err.message;
    }
  });
  document.getElementById("reviewer-name").focus();
}

function setupReview() {
  const blob = document.getElementById("review-data");
  if (!blob) return;
  const data = JSON.parse(blob.textContent);
  let decisions = data.decisions.slice();
  const accepted = new Set();
  let current = -1;
  const marks = (i) => document.querySelectorAll(`mark.chg[data-i="${i}"]`);
  const errorBox = document.getElementById("decision-error");

  const sameSpan = (d, c) => d.start === c.start && d.end === c.end;
  const rejectOf = (c) => decisions.find((d) => d.action === "reject" && sameSpan(d, c));
  const pseudonymOf = (c) => {
    const mentions = (data.entities[c.entity_id] || {}).mentions || [c.original];
    return decisions.find((d) => d.action === "pseudonym" && mentions.includes(d.text));
  };

  async function save(next) {
    errorBox.textContent = "";
    try {
      const saved = await post(`/run/${encodeURIComponent(data.stem)}/decisions`, { decisions: next });
      decisions = saved.decisions;
      data.savedAt = saved.saved_at;
      data.applied = false;
    } catch (err) {
      errorBox.textContent = `Not saved: ${err.message}`;
    }
    refresh();
  }

  // Pending "add" decisions are outlined in the draft pane until a re-run turns them into changes.
  function showPendingAdds() {
    document.querySelectorAll("mark.pending-add").forEach((m) => {
      const parent = m.parentNode;
      m.replaceWith(...m.childNodes);
      parent.normalize();
    });
    for (const d of decisions.filter((x) => x.action === "add")) {
      // applied once a change covers it (a change may take in more: "the" before a place, a title before a name)
      if (data.changes.some((c) => c.start <= d.start && d.end <= c.end)) continue;
      const pane = [...document.querySelectorAll(".orig")].find((o) => {
        const from = Number(o.dataset.start);
        return from <= d.start && d.end <= from + o.textContent.length;
      });
      if (!pane) continue;
      let seen = Number(pane.dataset.start);
      let found = 0;
      const range = document.createRange();
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const next = seen + node.textContent.length;
        if (seen <= d.start && d.start < next) { range.setStart(node, d.start - seen); found++; }
        if (seen < d.end && d.end <= next) { range.setEnd(node, d.end - seen); found++; break; }
        seen = next;
      }
      if (found < 2) continue;
      try {
        range.surroundContents(el("mark", { class: `pending-add t-${d.label}`, title: `to add as ${d.label}` }));
      } catch (err) { /* the span crosses a change: listed in Decisions only */ }
    }
  }

  function refresh() {
    showPendingAdds();
    for (const c of data.changes) {
      marks(c.i).forEach((m) => {
        m.classList.toggle("rejected", c.action !== "keep" && Boolean(rejectOf(c)));
        m.classList.toggle("accepted", accepted.has(c.i));
      });
    }
    const list = document.getElementById("decision-list");
    list.replaceChildren(...decisions.map((d, k) => {
      return el("li", { "data-action": d.action }, `${describe(d)} `, el("span", { class: "hint" }, `(${d.reason})`),
        el("button", { type: "button", title: "remove this decision", onclick: () => save(decisions.filter((_, j) => j !== k)) }, "×"));
    }));
    if (!decisions.length) list.append(el("li", { class: "hint" }, "none yet"));
    const state = data.applied ? "applied in the outputs shown" : "re-run to apply";
    document.getElementById("saved-at").textContent = data.savedAt ? `Saved ${data.savedAt}; ${state}.` : "";
    if (current >= 0) showDetail(current);
    showRefusals();
  }

  function describe(d) {
    if (d.action === "add") return `add ${d.label} "${d.text}"`;
    if (d.action === "pseudonym") return `pseudonym "${d.pseudonym}" for "${d.text}"`;
    if (d.action === "named_role") return `name "${d.text}" as the ${ROLE_NAMES[d.role] || d.role}`;
    if (d.action === "allow") return `"${d.text}" is no leak`;
    return `reject "${d.text}"`;
  }

  // A refused run's reasons, each with the fix it takes where it stands: name a missing role, or say that what
  // verify found is no leak. A real leak is fixed in the draft pane: select it and add it.
  const ROLE_NAMES = data.roleNames;
  const fixOf = (r) => decisions.find((d) => (r.role && d.action === "named_role" && d.role === r.role)
    || (r.kind === "leak" && d.action === "allow" && d.text === r.text));
  function showRefusals() {
    const list = document.getElementById("refusal-list");
    if (!list) return;
    list.replaceChildren(...data.refusals.map((r) => {
      const item = el("li", { "data-kind": r.kind }, el("strong", {}, `${r.kind}: `), r.text,
        el("span", { class: "hint" }, r.variant ? ` (${r.variant}) ` : " "));
      const fix = fixOf(r);
      if (fix) {
        item.append(el("span", { class: "fixed" }, `fixed: ${describe(fix)}; re-run to apply`));
      } else if (r.role) {
        const name = el("input", { class: "role-name", placeholder: `the ${ROLE_NAMES[r.role]}'s name, as written` });
        item.append(el("br"), name, el("button", { type: "button", class: "name-role", onclick: () => {
          if (!name.value.trim()) return;
          const reason = `the ${ROLE_NAMES[r.role]}, named by the reviewer`;
          save([...decisions, { action: "named_role", role: r.role, text: name.value.trim(), reason }]);
        } }, `Name the ${ROLE_NAMES[r.role]}`));
      } else if (r.kind === "leak") {
        const reason = el("input", { class: "allow-reason", value: "an ordinary word here, not the identifier" });
        item.append(el("span", { class: "context" }, r.context ? `…${r.context}… ` : ""), el("br"),
          el("label", {}, "Why ", reason), el("button", { type: "button", class: "allow", onclick: () => {
            // the word only: the person stays pseudonymised; a wrong finding is rejected in the draft pane
            if (reason.value.trim()) save([...decisions, { action: "allow", text: r.text, reason: reason.value.trim() }]);
          } }, "Not a leak"),
          el("span", { class: "hint" }, " A real leak: select it in the draft and add it."));
      } else {
        item.append(el("span", { class: "hint" }, r.fix || ""));
      }
      return item;
    }));
  }

  function showDetail(i) {
    const c = data.changes[i];
    const entity = data.entities[c.entity_id];
    const box = document.getElementById("detail");
    const rows = [["type", c.entity_type || "(reviewer)"], ["entity", c.entity_id || "(none)"],
      ["role", entity ? entity.role || "-" : "-"], ["original", c.original], ["published as", c.replacement],
      ["action", c.action], ["recogniser", c.recogniser], ["score", c.score.toFixed(2) + (c.score < data.lowScore ? " (low)" : "")],
      ["reason", c.reason]];
    const dl = el("dl");
    for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", { "data-field": k }, String(v)));
    const others = data.changes.filter((o) => c.entity_id && o.entity_id === c.entity_id && o.i !== c.i);
    const mentions = el("p", { class: "mentions" }, `Other mentions (${others.length}): `);
    others.forEach((o, k) => {
      mentions.append(el("a", { onclick: () => select(o.i) }, o.original));
      if (k < others.length - 1) mentions.append(", ");
    });
    if (entity && entity.mentions.length) mentions.append(el("br"), `Written as: ${entity.mentions.join("; ")}`);
    const reason = el("input", { id: "decision-reason", value: "reviewer decision" });
    const actions = el("div", { class: "actions" },
      el("button", { type: "button", id: "accept-button", onclick: () => {
        accepted.add(c.i);
        const reject = rejectOf(c);
        if (reject) save(decisions.filter((d) => d !== reject)); else refresh();
      } }, "Accept"),
      el("button", { type: "button", id: "reject-button", onclick: () => {
        if (rejectOf(c) || !reason.value.trim()) return;
        accepted.delete(c.i);
        save([...decisions, { action: "reject", start: c.start, end: c.end, text: c.original, reason: reason.value.trim() }]);
      } }, "Reject (keep original)"));
    const parts = [el("h2", {}, `Change ${i + 1} of ${data.changes.length}`), dl, mentions,
      el("label", {}, "Reason ", reason), actions];
    if (rejectOf(c)) {
      const note = c.action === "keep" ? "Rejected: kept as written." : "Rejected: the original text will be kept after the re-run.";
      parts.push(el("p", { class: "error" }, note));
    }
    if (entity && !entity.kept && c.action === "pseudonymise") {
      const chosen = pseudonymOf(c);
      const input = el("input", { id: "pseudonym-input", value: chosen ? chosen.pseudonym : entity.pseudonym });
      parts.push(el("label", {}, "Pseudonym for all mentions ", input), el("button", { type: "button", id: "pseudonym-button",
        onclick: () => {
          const value = input.value.trim();
          if (!value || !reason.value.trim()) return;
          const rest = decisions.filter((d) => d !== pseudonymOf(c));
          const text = entity.mentions[0] || c.original;
          save([...rest, { action: "pseudonym", text, pseudonym: value, reason: reason.value.trim() }]);
        } }, "Change pseudonym"));
    }
    box.replaceChildren(...parts);
  }

  function select(i) {
    if (i < 0 || i >= data.changes.length) return;
    document.querySelectorAll("mark.selected").forEach((m) => m.classList.remove("selected"));
    marks(i).forEach((m) => m.classList.add("selected"));
    const first = marks(i)[0];
    if (first) first.scrollIntoView({ block: "center", behavior: "instant" });
    current = i;
    showDetail(i);
  }

  document.querySelector(".panes").addEventListener("click", (event) => {
    const mark = event.target.closest("mark.chg");
    if (mark && window.getSelection().isCollapsed) select(Number(mark.dataset.i));
  });

  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, select, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
    const n = data.changes.length;
    if (!n) return;
    if (event.key === "n") select(current < n - 1 ? current + 1 : 0);
    else if (event.key === "p") select(current > 0 ? current - 1 : n - 1);
    else if (event.key === "l") {
      for (let k = 1; k <= n; k++) {
        const j = (current + k + n) % n;
        if (data.changes[j].score < data.lowScore) { select(j); break; }
      }
    } else return;
    event.preventDefault();
  });

  // Adding a missed span: select text inside one block of the draft pane.
  const addForm = document.getElementById("add-form");
  const labelSelect = document.getElementById("add-label");
  labelSelect.replaceChildren(...data.labels.map((label) => el("option", { value: label }, label)));
  let pending = null;
  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const pane = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest(".orig");
    const start = pane(range.startContainer);
    const end = pane(range.endContainer);
    if (!start || start !== end) return;
    const before = document.createRange();
    before.selectNodeContents(start);
    before.setEnd(range.startContainer, range.startOffset);
    let text = range.toString();
    const offset = Number(start.dataset.start) + before.toString().length;
    const lead = text.length - text.trimStart().length;
    text = text.trim();
    if (!text) return;
    pending = { start: offset + lead, end: offset + lead + text.length, text };
    document.getElementById("add-text").textContent = text;
    addForm.hidden = false;
  });
  document.getElementById("add-button").addEventListener("click", () => {
    const reason = document.getElementById("add-reason").value.trim();
    if (!pending || !reason) return;
    save([...decisions, { action: "add", ...pending, label: labelSelect.value, reason }]);
    pending = null;
    addForm.hidden = true;
  });

  const rerun = document.getElementById("rerun");
  rerun.addEventListener("click", async () => {
    rerun.disabled = true;
    rerun.textContent = "Re-running…";
    try { await post(`/run/${encodeURIComponent(data.stem)}/rerun`); } catch (err) { /* shown after reload */ }
    window.location.reload();
  });
  const signoff = document.getElementById("signoff");
  signoff.addEventListener("click", async () => {
    signoff.disabled = true;
    try {
      await post(`/run/${encodeURIComponent(data.stem)}/signoff`);
      window.location.reload();
    } catch (err) {
      errorBox.textContent = `Not signed off: ${err.message}`;
      signoff.disabled = false;
    }
  });
  refresh();
}

document.addEventListener("DOMContentLoaded", () => { setupLogin(); setupReview(); });
