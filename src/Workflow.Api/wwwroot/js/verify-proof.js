// Checks a signatory list export ("workflow-signatory-list-proof/1") in the reader's browser, as the command-line
// verifier (src/Workflow.Verifier) does: RFC 9162 Merkle tree hashing and tree heads signed with ECDSA P-256, all
// computed here with WebCrypto. The server only serves this file and the page; it gives no verdict.
"use strict";

(() => {
  const BUNDLE_FORMAT = "workflow-signatory-list-proof/1";
  const RECEIPT_FORMAT = "workflow-receipt/1";
  const PROBLEMS_SHOWN = 8;
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const HASH = /^[0-9a-f]{64}$/;
  const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
  const TYPES = ["text", "publication", "signature"];
  const CHANGES = ["signed", "reconfirmed", "withdrawn", "invalidated", "corrected", "moved", "imported", "changed", "before-log"];
  const STATUSES = ["Active", "Withdrawn", "Invalidated"];
  const ROW_FIELDS = ["name", "nameEnglish", "acronym", "country", "signer", "signerRole", "phase", "signedAt", "signedVersion", "provenance"];
  const PROVENANCE_FIELDS = ["kind", "emailDomain", "recordedBy", "note", "source"];

  let texts = {};
  const say = (key, ...values) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)]));

  // Thrown for input that cannot be checked at all (exit code 2 of the command-line verifier).
  class Unusable extends Error {}

  // ---- bytes, hex, hashing -------------------------------------------------------------------------------------

  const utf8 = new TextEncoder();
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const fromHex = (text) => (typeof text === "string" && HASH.test(text) ? Uint8Array.from(text.match(/../g), (h) => parseInt(h, 16)) : null);
  const sameBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  }

  async function leafHash(entry) {
    const content = utf8.encode(entry);
    const buffer = new Uint8Array(content.length + 1);
    buffer.set(content, 1);
    return sha256(buffer);
  }

  async function nodeHash(left, right) {
    const buffer = new Uint8Array(1 + left.length + right.length);
    buffer[0] = 1;
    buffer.set(left, 1);
    buffer.set(right, 1 + left.length);
    return sha256(buffer);
  }

  function largestPowerOfTwoBelow(n) {
    let k = 1;
    while (k * 2 < n) k *= 2;
    return k;
  }

  // MTH(D[start:start+count]) of RFC 9162 §2.1.1.
  async function subtreeRoot(leaves, start, count) {
    if (count === 0) return sha256(new Uint8Array(0));
    if (count === 1) return leaves[start];
    const k = largestPowerOfTwoBelow(count);
    return nodeHash(await subtreeRoot(leaves, start, k), await subtreeRoot(leaves, start + k, count - k));
  }

  // RFC 9162 §2.1.3.2.
  async function verifyInclusion(leaf, index, size, proof, root) {
    if (!(index >= 0 && index < size)) return false;
    let fn = index;
    let sn = size - 1;
    let r = leaf;
    for (const p of proof) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        r = await nodeHash(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        r = await nodeHash(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && sameBytes(r, root);
  }

  // ---- keys and tree heads -------------------------------------------------------------------------------------

  async function loadKey(pem) {
    const match = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
    if (!match) throw new Unusable(say("badKey"));
    try {
      const der = Uint8Array.from(atob(match[1].replace(/\s+/g, "")), (c) => c.charCodeAt(0));
      const key = await crypto.subtle.importKey("spki", der, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
      return { key, keyId: hex(await sha256(der)) };
    } catch {
      throw new Unusable(say("badKey"));
    }
  }

  function readHead(value, what) {
    const ok =
      value && typeof value === "object" && !Array.isArray(value) &&
      typeof value.statement === "string" && GUID.test(value.statement.toLowerCase()) &&
      Number.isSafeInteger(value.treeSize) && value.treeSize >= 0 &&
      typeof value.rootHash === "string" && typeof value.timestamp === "string" && TIMESTAMP.test(value.timestamp) &&
      typeof value.keyId === "string" && typeof value.signature === "string";
    if (!ok) throw new Unusable(say(what));
    return { ...value, statement: value.statement.toLowerCase() };
  }

  // Why the head does not verify with the key, or null when it does.
  async function headProblem(head, publicKey) {
    if (head.keyId !== publicKey.keyId) return say("otherKey", head.keyId, publicKey.keyId);
    let signature;
    try {
      signature = Uint8Array.from(atob(head.signature), (c) => c.charCodeAt(0));
    } catch {
      signature = new Uint8Array(0);
    }
    if (signature.length !== 64) return say("badSignature");
    const signed = utf8.encode(`workflow-tree-head/1\n${head.statement}\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n`);
    const valid = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey.key, signature, signed);
    return valid ? null : say("wrongSignature");
  }

  // ---- the fold ------------------------------------------------------------------------------------------------

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

  // Reads a field where absent and null mean the same; a value of the wrong kind is a problem.
  function field(object, name, kind, where, problems) {
    const value = object[name];
    if (value === undefined || value === null) return null;
    const ok = kind === "text" ? typeof value === "string" : kind === "int" ? Number.isInteger(value) : isObject(value);
    if (ok) return value;
    problems.push(say("entryField", where, name));
    return null;
  }

  function readRow(object, where, problems) {
    const number = field(object, "number", "int", where, problems);
    if (number === null) return null;
    const row = { number };
    for (const name of ROW_FIELDS) {
      if (name === "provenance") {
        const p = field(object, name, "object", where, problems);
        row.provenance = p === null ? null : Object.fromEntries(PROVENANCE_FIELDS.map((f) => [f, field(p, f, "text", where, problems)]));
      } else {
        row[name] = field(object, name, name === "signedVersion" ? "int" : "text", where, problems);
      }
    }
    return row;
  }

  function fold(entries, statement) {
    const problems = [];
    let textHash = null;
    const current = new Map();
    const numbers = new Map();
    const holders = new Map();
    entries.forEach((text, position) => {
      let entry;
      try {
        entry = JSON.parse(text);
      } catch {
        entry = null;
      }
      if (!isObject(entry)) {
        problems.push(say("entryNotJson", position));
        return;
      }
      if (entry.v !== 1) problems.push(say("entryVersion", position));
      if (entry.index !== position) problems.push(say("entryIndex", position, entry.index ?? say("none")));
      if (entry.statement !== statement) problems.push(say("entryStatement", position, statement));
      if (typeof entry.at !== "string" || Number.isNaN(Date.parse(entry.at))) problems.push(say("entryTime", position));
      if (entry.type === "text") {
        if (typeof entry.textHash === "string" && HASH.test(entry.textHash)) textHash = entry.textHash;
        else problems.push(say("entryText", position));
      } else if (entry.type === "signature") {
        const id = typeof entry.signature === "string" ? entry.signature.toLowerCase() : "";
        if (!GUID.test(id)) {
          problems.push(say("entrySignature", position));
          return;
        }
        if (!CHANGES.includes(entry.change)) problems.push(say("entryChange", position));
        const row = readRow(entry, position, problems);
        if (row === null) {
          problems.push(say("entryNumber", position));
          return;
        }
        if (numbers.has(id) && numbers.get(id) !== row.number) problems.push(say("numberChanged", position, row.number, numbers.get(id)));
        numbers.set(id, row.number);
        if (holders.has(row.number) && holders.get(row.number) !== id) problems.push(say("numberShared", position, row.number));
        holders.set(row.number, id);
        if (!STATUSES.includes(entry.status)) {
          problems.push(say("entryStatus", position));
          return;
        }
        current.set(id, { status: entry.status, confirmed: entry.confirmedTextHash ?? null, row });
      } else if (entry.type !== "publication") {
        problems.push(say("entryType", position));
      }
    });
    const list = textHash === null
      ? []
      : [...current.values()].filter((s) => s.status === "Active" && s.confirmed === textHash).map((s) => s.row).sort((a, b) => a.number - b.number);
    return { list, textHash, problems };
  }

  // ---- the checks ----------------------------------------------------------------------------------------------

  function readBundle(json) {
    let bundle;
    try {
      bundle = JSON.parse(json);
    } catch {
      throw new Unusable(say("notBundle"));
    }
    const ok =
      isObject(bundle) && bundle.format === BUNDLE_FORMAT &&
      isObject(bundle.statement) && typeof bundle.statement.id === "string" && GUID.test(bundle.statement.id.toLowerCase()) &&
      Array.isArray(bundle.list) && Array.isArray(bundle.entries) && bundle.entries.every((e) => typeof e === "string") &&
      (bundle.textHash === undefined || bundle.textHash === null || typeof bundle.textHash === "string");
    if (!ok) throw new Unusable(say("notBundle"));
    return { ...bundle, statementId: bundle.statement.id.toLowerCase(), head: readHead(bundle.treeHead, "notBundle") };
  }

  function readReceipt(json) {
    let receipt;
    try {
      receipt = JSON.parse(json);
    } catch {
      throw new Unusable(say("badReceipt"));
    }
    const ok =
      isObject(receipt) && receipt.format === RECEIPT_FORMAT && typeof receipt.entry === "string" &&
      Number.isInteger(receipt.index) && receipt.index >= 0 &&
      Array.isArray(receipt.inclusionProof) && receipt.inclusionProof.every((p) => typeof p === "string");
    if (!ok) throw new Unusable(say("badReceipt"));
    return { ...receipt, head: readHead(receipt.treeHead, "badReceipt") };
  }

  function sentence(problems) {
    let text = problems.slice(0, PROBLEMS_SHOWN).join("; ");
    if (problems.length > PROBLEMS_SHOWN) text += "; " + say("andMore", problems.length - PROBLEMS_SHOWN);
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  }

  const result = (number, outcome, detail) => ({ number, what: say("check" + number), outcome, detail });
  const judged = (number, problems, holds) => (problems.length === 0 ? result(number, "holds", holds) : result(number, "fails", sentence(problems)));
  const show = (value) => (value === null || value === undefined ? say("none") : typeof value === "string" ? `"${value}"` : isObject(value) ? `(${PROVENANCE_FIELDS.map((f) => value[f] ?? say("none")).join(", ")})` : String(value));

  function sameValue(name, a, b) {
    if (name === "provenance") {
      if (a === null || b === null) return a === b;
      return PROVENANCE_FIELDS.every((f) => a[f] === b[f]);
    }
    // The same instant written with another offset or precision is the same time.
    if (name === "signedAt" && a !== null && b !== null && !Number.isNaN(Date.parse(a))) return a === b || Date.parse(a) === Date.parse(b);
    return a === b;
  }

  async function verify({ bundleJson, keyPem, savedHeadJson, receiptJson }) {
    if (!window.crypto || !crypto.subtle) throw new Unusable(say("noCrypto"));
    if (!bundleJson) throw new Unusable(say("noBundle"));
    if (!keyPem) throw new Unusable(say("noKey"));
    const publicKey = await loadKey(keyPem);
    const bundle = readBundle(bundleJson);
    let savedHead = null;
    if (savedHeadJson) {
      try {
        savedHead = readHead(JSON.parse(savedHeadJson), "badHead");
      } catch (e) {
        throw e instanceof Unusable ? e : new Unusable(say("badHead"));
      }
    }
    const receipt = receiptJson ? readReceipt(receiptJson) : null;

    const head = bundle.head;
    const leaves = await Promise.all(bundle.entries.map(leafHash));
    const checks = [];

    // 1. The head's signature.
    const problem1 = await headProblem(head, publicKey);
    checks.push(problem1
      ? result(1, "fails", say("fails1", problem1))
      : result(1, "holds", say("holds1", head.treeSize, head.timestamp, head.keyId)));

    // 2. The entries make the signed tree.
    if (head.treeSize !== leaves.length) {
      checks.push(result(2, "fails", say("sizeDiffers", head.treeSize, leaves.length)));
    } else {
      const root = hex(await subtreeRoot(leaves, 0, leaves.length));
      checks.push(root === head.rootHash
        ? result(2, "holds", say("holds2", leaves.length, root))
        : result(2, "fails", say("rootDiffers", leaves.length, root, head.rootHash)));
    }

    // 3. Every entry well formed; the invariants.
    const folded = fold(bundle.entries, bundle.statementId);
    const problems3 = [];
    if (head.statement !== bundle.statementId) problems3.push(say("headStatement", bundle.statementId, head.statement));
    problems3.push(...folded.problems);
    checks.push(judged(3, problems3, say("holds3", bundle.entries.length, bundle.statementId)));

    // 4. The list is the fold.
    const problems4 = [];
    const listedText = bundle.textHash ?? null;
    if (listedText !== folded.textHash) problems4.push(say("textDiffers", show(listedText), show(folded.textHash)));
    const rows = [];
    bundle.list.forEach((row, i) => {
      const read = isObject(row) ? readRow(row, i + 1, problems4) : null;
      if (read === null) problems4.push(say("rowNotObject", i + 1));
      else rows.push(read);
    });
    for (const missing of folded.list.filter((f) => !rows.some((r) => r.number === f.number))) problems4.push(say("missing", missing.number, missing.name));
    for (const extra of rows.filter((r) => !folded.list.some((f) => f.number === r.number))) problems4.push(say("extra", extra.number, extra.name));
    for (const row of rows) {
      const expected = folded.list.find((f) => f.number === row.number);
      if (!expected) continue;
      for (const name of ROW_FIELDS) {
        if (!sameValue(name, row[name], expected[name])) problems4.push(say("fieldDiffers", row.number, say("field." + name), show(row[name]), show(expected[name])));
      }
    }
    const order = rows.map((r) => r.number).join(", ");
    const expectedOrder = folded.list.map((f) => f.number).join(", ");
    if (problems4.length === 0 && order !== expectedOrder) problems4.push(say("order", order, expectedOrder));
    checks.push(judged(4, problems4, say("holds4", rows.length, folded.textHash ?? say("none"))));

    // 5. Nothing rewritten since the saved head.
    if (savedHead === null) {
      checks.push(result(5, "notChecked", say("notChecked5")));
    } else {
      const problems5 = [];
      const invalid = await headProblem(savedHead, publicKey);
      if (invalid) problems5.push(say("savedHeadInvalid", invalid));
      if (savedHead.statement !== bundle.statementId) problems5.push(say("savedHeadStatement", savedHead.statement, bundle.statementId));
      if (savedHead.treeSize > leaves.length) {
        problems5.push(say("removed", savedHead.treeSize, leaves.length));
      } else {
        const root = hex(await subtreeRoot(leaves, 0, savedHead.treeSize));
        if (root !== savedHead.rootHash) problems5.push(say("rewritten", savedHead.treeSize, root, savedHead.rootHash));
      }
      checks.push(judged(5, problems5, say("holds5", savedHead.treeSize, savedHead.timestamp, leaves.length - savedHead.treeSize)));
    }

    // 6. The receipt's entry is in the log.
    if (receipt === null) {
      checks.push(result(6, "notChecked", say("notChecked6")));
    } else {
      const problems6 = [];
      const rHead = receipt.head;
      const invalid = await headProblem(rHead, publicKey);
      if (invalid) problems6.push(say("receiptHeadInvalid", invalid));
      if (rHead.statement !== bundle.statementId) problems6.push(say("receiptStatement", rHead.statement, bundle.statementId));
      const proof = receipt.inclusionProof.map(fromHex);
      const rRoot = fromHex(rHead.rootHash);
      const included = rRoot !== null && proof.every((p) => p !== null) &&
        await verifyInclusion(await leafHash(receipt.entry), receipt.index, rHead.treeSize, proof, rRoot);
      if (!included) problems6.push(say("receiptProof", receipt.index, rHead.treeSize));
      if (receipt.index >= leaves.length) problems6.push(say("receiptBeyond", leaves.length, receipt.index));
      else if (bundle.entries[receipt.index] !== receipt.entry) problems6.push(say("receiptEntryRewritten", receipt.index));
      if (rRoot !== null && rHead.treeSize <= leaves.length && !sameBytes(await subtreeRoot(leaves, 0, rHead.treeSize), rRoot)) {
        problems6.push(say("receiptTreeRewritten", rHead.treeSize));
      }
      checks.push(judged(6, problems6, say("holds6", receipt.index, rHead.treeSize)));
    }
    return checks;
  }

  // ---- the page ------------------------------------------------------------------------------------------------

  async function readInput(name) {
    const file = document.getElementById(name + "-file").files[0];
    if (file) return (await file.text()).trim();
    return document.getElementById(name + "-text").value.trim();
  }

  async function fetchText(url, failure) {
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
    } catch {
      throw new Unusable(failure);
    }
    if (!response.ok) throw new Unusable(failure);
    return response.text();
  }

  function render(checks, unusable) {
    const section = document.getElementById("verify-results");
    const verdict = document.getElementById("verify-verdict");
    const list = document.getElementById("verify-checks");
    list.replaceChildren();
    if (unusable) {
      verdict.textContent = say("unusable", unusable);
      verdict.className = "verdict unusable";
    } else {
      for (const check of checks) {
        const item = document.createElement("li");
        item.className = "check " + check.outcome;
        item.dataset.check = String(check.number);
        item.dataset.outcome = check.outcome;
        const outcome = document.createElement("strong");
        outcome.className = "outcome";
        outcome.textContent = say(check.outcome) + ": ";
        const what = document.createElement("span");
        what.className = "what";
        what.textContent = check.what + ". ";
        const detail = document.createElement("span");
        detail.className = "detail";
        detail.textContent = check.detail;
        item.append(outcome, what, detail);
        list.append(item);
      }
      const failed = checks.filter((c) => c.outcome === "fails").map((c) => c.number);
      verdict.textContent = failed.length === 0 ? say("proven") : say("notProven", failed.join(", "));
      verdict.className = "verdict " + (failed.length === 0 ? "holds" : "fails");
    }
    section.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("verify-form");
    if (!form) return;
    texts = JSON.parse(form.dataset.texts || "{}");
    const run = document.getElementById("run-checks");

    document.getElementById("use-site-key").addEventListener("click", async (event) => {
      const note = document.getElementById("site-key-note");
      try {
        document.getElementById("key-text").value = await fetchText(event.currentTarget.dataset.keyUrl, say("keyFetchFailed"));
        document.getElementById("key-file").value = "";
        note.textContent = "";
      } catch {
        note.textContent = say("keyFetchFailed");
      }
    });

    run.addEventListener("click", async () => {
      run.disabled = true;
      const verdict = document.getElementById("verify-verdict");
      verdict.textContent = say("running");
      verdict.className = "";
      try {
        let bundleJson = await readInput("bundle");
        const bundleUrl = form.dataset.bundleUrl;
        if (!bundleJson && bundleUrl) bundleJson = await fetchText(bundleUrl, say("fetchFailed", bundleUrl));
        const checks = await verify({
          bundleJson,
          keyPem: await readInput("key"),
          savedHeadJson: await readInput("head"),
          receiptJson: await readInput("receipt"),
        });
        render(checks, null);
      } catch (e) {
        if (!(e instanceof Unusable)) console.error(e);
        render([], e instanceof Unusable ? e.message : String(e));
      } finally {
        run.disabled = false;
      }
    });
  });
})();
